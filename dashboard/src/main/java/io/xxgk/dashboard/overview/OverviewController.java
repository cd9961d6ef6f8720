package io.xxgk.dashboard.overview;

import io.xxgk.dashboard.scope.ReportScope;
import io.xxgk.dashboard.security.OrgAccess;
import io.xxgk.dashboard.security.Viewer;
import io.xxgk.dashboard.web.InvalidInput;
import io.xxgk.dashboard.web.NotFound;
import io.xxgk.registry.DashboardUser.Role;
import io.xxgk.store.report.PeriodQuery;
import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview's figures: {@code GET /api/v1/orgs/{org}/overview?year=2024}, {@code /api/v1/province/overview};
 * one channel's: {@code GET /api/v1/orgs/{org}/channels/{channel}/overview?year=2024}, {@code /api/v1/province/channels/{channel}/overview};
 * one department's: {@code GET /api/v1/orgs/{org}/departments/{department}/overview?year=2024}, {@code /api/v1/province/departments/{department}/overview}.
 */
@RestController
class OverviewController {

    private final Overviews overviews;
    private final OrgAccess access;

    OverviewController(Overviews overviews, OrgAccess access) {
        this.overviews = overviews;
        this.access = access;
    }

    @GetMapping({"/api/v1/orgs/{org}/overview", "/api/v1/province/overview"})
    Overview overview(ReportScope scope, @RequestParam(required = false) String year, Authentication login) {
        int y = year(year, overviews.today(scope));
        access.check(Viewer.of(login), scope, Role.LEADER);
        return overviews.of(scope, y);
    }

    @GetMapping({"/api/v1/orgs/{org}/channels/{channel}/overview", "/api/v1/province/channels/{channel}/overview"})
    ChannelOverview channel(ReportScope scope, @PathVariable String channel, @RequestParam(required = false) String year, Authentication login) {
        int y = year(year, overviews.today(scope));
        access.check(Viewer.of(login), scope, Role.LEADER);
        return overviews.channel(scope, y, channel).orElseThrow(() -> new NotFound("no channel " + channel + " in the report of " + scope.id()));
    }

    @GetMapping({"/api/v1/orgs/{org}/departments/{department}/overview", "/api/v1/province/departments/{department}/overview"})
    DepartmentOverview department(ReportScope scope, @PathVariable String department, @RequestParam(required = false) String year,
                                  Authentication login) {
        int y = year(year, overviews.today(scope));
        access.check(Viewer.of(login), scope, Role.LEADER);
        return overviews.department(scope, y, department)
                .orElseThrow(() -> new NotFound("no department " + department + " in the reports of " + scope.id()));
    }

    /** This year by default; a year that has not begun is refused like a report's. */
    private static int year(String year, LocalDate today) {
        try {
            return year == null ? today.getYear() : new PeriodQuery(year, null, null, null).period(today).from().getYear();
        } catch (PeriodQuery.Invalid e) {
            throw InvalidInput.of("overview-query", e.parameter(), e.reason());
        }
    }
}
