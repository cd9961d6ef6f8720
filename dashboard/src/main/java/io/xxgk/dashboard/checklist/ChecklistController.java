package io.xxgk.dashboard.checklist;

import io.xxgk.dashboard.registry.RegistryUpdates;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.registry.OrgChecklist;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/checklist}: the org's checklist (清单); {@code PUT} (ADMIN): a new
 * edition of its wording, departments and column links, given the version it was edited from.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/checklist")
class ChecklistController {

    private static final String KIND = "checklist";
    private static final int MAX_TITLE = 1000;
    private static final int MAX_DEPARTMENT = 200;
    private static final int MAX_LINK = 2000;

    private final Checklists checklists;
    private final RegistryUpdates updates;
    private final OrgAccess access;

    ChecklistController(Checklists checklists, RegistryUpdates updates, OrgAccess access) {
        this.checklists = checklists;
        this.updates = updates;
        this.access = access;
    }

    /**
     * @param version the edition this edit starts from (0 for the first), so a concurrent save is not overwritten
     * @param items   the items to edit; items left out keep the catalog's wording and have no department or link
     */
    record Edit(Integer version, List<OrgChecklist.Item> items) {
    }

    @GetMapping
    Checklists.Edition checklist(@PathVariable String org, Authentication login) {
        access.check(Viewer.of(login), org, Role.LEADER);
        return checklists.of(org);
    }

    @PutMapping
    Checklists.Edition save(@PathVariable String org, @RequestBody Edit edit, Authentication login) {
        Viewer viewer = Viewer.of(login);
        access.check(viewer, org, Role.ADMIN);
        List<OrgChecklist.Item> items = validate(edit);
        int current = checklists.of(org).version();
        if (edit.version() != current) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "the checklist is at version " + current + ", this edit starts from " + edit.version() + ": reload and edit again");
            problem.setType(URI.create("https://xxgk.io/problems/stale-checklist"));
            problem.setProperty("currentVersion", current);
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        updates.put(new OrgChecklist(org, current + 1, items, viewer.name(), Instant.now()));
        return checklists.of(org);
    }

    private List<OrgChecklist.Item> validate(Edit edit) {
        List<InvalidInput.Param> invalid = new ArrayList<>();
        if (edit.version() == null || edit.version() < 0) {
            invalid.add(new InvalidInput.Param("version", "is required: the version the edit starts from (0 for the first edition)"));
        }
        if (edit.items() == null) {
            invalid.add(new InvalidInput.Param("items", "is required (a list, may be empty)"));
        }
        List<OrgChecklist.Item> items = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; edit.items() != null && i < edit.items().size(); i++) {
            OrgChecklist.Item item = edit.items().get(i);
            String at = "items[" + i + "]";
            if (item == null || !checklists.hasItem(item.item())) {
                invalid.add(new InvalidInput.Param(at + ".item", "must be an item number of the checklist (1-50)"));
                continue;
            }
            if (!seen.add(item.item())) {
                invalid.add(new InvalidInput.Param(at + ".item", "item " + item.item() + " is listed twice"));
            }
            String title = InvalidInput.text(at + ".title", item.title(), MAX_TITLE, invalid);
            String department = InvalidInput.text(at + ".department", item.department(), MAX_DEPARTMENT, invalid);
            String link = InvalidInput.text(at + ".link", item.link(), MAX_LINK, invalid);
            if (link != null && !isWebAddress(link)) {
                invalid.add(new InvalidInput.Param(at + ".link", "must be an http or https address"));
            }
            items.add(new OrgChecklist.Item(item.item(), title, department, link));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidInput(KIND, invalid);
        }
        return items;
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
