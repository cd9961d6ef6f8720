package io.xxgk.dashboard.scope;

import io.xxgk.registry.Registrar;

/**
 * Whose figures a page, an overview or a report shows: one org's, or the province's (every org
 * counted, then added). Resolved once from the request's path ({@code /api/v1/orgs/{org}/…} or
 * {@code /api/v1/province/…}); controllers take it as an argument ({@link ReportScopeResolver}).
 */
public sealed interface ReportScope {

    /** The id pages and reports name it by: the org's, or {@value Registrar#PROVINCE}. */
    String id();

    /** Who the report's sentences speak of: 全校, or 全省高校. */
    String subject();

    record OneOrg(String org) implements ReportScope {
        @Override
        public String id() {
            return org;
        }

        @Override
        public String subject() {
            return "全校";
        }
    }

    record Province() implements ReportScope {
        @Override
        public String id() {
            return Registrar.PROVINCE;
        }

        @Override
        public String subject() {
            return "全省高校";
        }
    }

    ReportScope PROVINCE = new Province();
}
