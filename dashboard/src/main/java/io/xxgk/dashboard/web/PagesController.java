package io.xxgk.dashboard.web;

import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import io.xxgk.registry.Registrar;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages: {@code /} the overview, {@code /channel} one of its channels, {@code /department} one of its departments, {@code /report} the report writers' page, {@code /admin} an
 * org's administration. They are shells the browser fills from the APIs, so a page shows exactly
 * what the API answers and the API's checks guard both.
 */
@Controller
class PagesController {

    private final OrgAccess access;

    PagesController(OrgAccess access) {
        this.access = access;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String org, @RequestParam(required = false) String year, Authentication login,
                    Model model) {
        String page = page("overview", org, Viewer.of(login), model);
        // the address the page's script asks first: the year in the address, or the year its select starts on
        String selected = (String) model.getAttribute("selected");
        model.addAttribute("overviewApi", selected == null ? null : UriComponentsBuilder
                .fromPath(Registrar.PROVINCE.equals(selected) ? "/api/v1/province/overview" : "/api/v1/orgs/{org}/overview")
                .queryParam("year", year != null && year.matches("\\d{4}") ? year : String.valueOf(ReportYears.current()))
                .buildAndExpand(selected).encode().toUriString());
        return page;
    }

    /** A channel of the overview, drilled into (the channel is checked by its API, like everything the page shows). */
    @GetMapping("/channel")
    String channel(@RequestParam(required = false) String org, @RequestParam String channel, Authentication login, Model model) {
        return drillDown("channel", "渠道", channel, org, Viewer.of(login), model);
    }

    /** A department of the overview, drilled into (checked by its API, as a channel is). */
    @GetMapping("/department")
    String department(@RequestParam(required = false) String org, @RequestParam String department, Authentication login, Model model) {
        return drillDown("department", "部门", department, org, Viewer.of(login), model);
    }

    @GetMapping("/report")
    String report(@RequestParam(required = false) String org, Authentication login, Model model) {
        return page("report", org, Viewer.of(login), model);
    }

    @GetMapping("/admin")
    String admin(@RequestParam(required = false) String org, Authentication login, Model model) {
        return page("admin", org, Viewer.of(login).require(Role.ADMIN), model);
    }

    private String drillDown(String kind, String kindName, String subject, String org, Viewer viewer, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("kindName", kindName);
        model.addAttribute("subject", subject);
        return page("drilldown", org, viewer, model);
    }

    /** The org switcher offers the orgs the viewer sees (and the province's roll-up to PROVINCE), which is shown unless one is asked for; else the first. */
    private String page(String template, String org, Viewer viewer, Model model) {
        List<Org> orgs = access.visible(viewer);
        boolean province = viewer.may(Role.PROVINCE) && !template.equals("admin");
        boolean known = org != null && (orgs.stream().anyMatch(o -> o.id().equals(org)) || province && org.equals(Registrar.PROVINCE));
        // a supervisor lands on the province as a whole, an institution's people on their own
        String selected = known ? org : province ? Registrar.PROVINCE : !orgs.isEmpty() ? orgs.getFirst().id() : null;
        model.addAttribute("viewer", viewer);
        model.addAttribute("orgs", orgs);
        model.addAttribute("province", province);
        model.addAttribute("selected", selected);
        model.addAttribute("selectedName", Registrar.PROVINCE.equals(selected) ? "全省高校"
                : orgs.stream().filter(o -> o.id().equals(selected)).map(Org::name).findFirst().orElse(""));
        model.addAttribute("years", ReportYears.offered());
        model.addAttribute("canExport", viewer.may(Role.WRITER));
        model.addAttribute("canAdminister", viewer.may(Role.ADMIN));
        return template;
    }
}
