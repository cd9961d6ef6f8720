package io.xxgk.dashboard.overview;

import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.Org;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pages ({@code /}: the overview, {@code /report}: the report writers' page) and the overview's
 * figures ({@code GET /api/v1/orgs/{org}/overview?year=2024}, {@code /api/v1/province/overview}).
 * The pages are shells the browser fills from the APIs, so what they show is what the APIs answer.
 */
@Controller
class OverviewController {

    private static final int FIRST_YEAR = 2000;
    private static final int YEARS_OFFERED = 6;

    private final Overviews overviews;
    private final OrgAccess access;

    OverviewController(Overviews overviews, OrgAccess access) {
        this.overviews = overviews;
        this.access = access;
    }

    @GetMapping({"/api/v1/orgs/{org}/overview", "/api/v1/province/overview"})
    @ResponseBody
    Overview overview(@PathVariable(required = false) String org, @RequestParam(required = false) String year, Authentication login) {
        int y = year(year);
        access.check(Viewer.of(login), org, Role.LEADER);
        return overviews.of(org, y);
    }

    @GetMapping("/")
    String overviewPage(@RequestParam(required = false) String org, Authentication login, Model model) {
        return page("overview", org, login, model);
    }

    @GetMapping("/report")
    String reportPage(@RequestParam(required = false) String org, Authentication login, Model model) {
        return page("report", org, login, model);
    }

    /** The org switcher offers the orgs the viewer sees (and the province's roll-up to PROVINCE); the first is shown unless one is asked for. */
    private String page(String template, String org, Authentication login, Model model) {
        Viewer viewer = Viewer.of(login);
        List<Org> orgs = access.visible(viewer);
        boolean province = viewer.may(Role.PROVINCE);
        String selected = org != null && (orgs.stream().anyMatch(o -> o.id().equals(org)) || province && org.equals("province")) ? org
                : !orgs.isEmpty() ? orgs.getFirst().id() : province ? "province" : null;
        int now = Overviews.currentYear();
        model.addAttribute("viewer", viewer);
        model.addAttribute("orgs", orgs);
        model.addAttribute("province", province);
        model.addAttribute("selected", selected);
        model.addAttribute("years", IntStream.range(0, YEARS_OFFERED).map(i -> now - i).boxed().toList());
        model.addAttribute("canExport", viewer.may(Role.WRITER));
        return template;
    }

    private static int year(String year) {
        if (year == null) {
            return Overviews.currentYear();
        }
        try {
            int y = Integer.parseInt(year);
            if (y >= FIRST_YEAR && y <= Overviews.currentYear() + 1) {
                return y;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw InvalidInput.of("overview-query", "year", "must be a year from " + FIRST_YEAR + " to " + (Overviews.currentYear() + 1));
    }
}
