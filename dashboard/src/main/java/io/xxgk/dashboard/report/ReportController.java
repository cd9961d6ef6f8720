package io.xxgk.dashboard.report;

import io.xxgk.store.report.ReportPeriod;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orgs/{org}/report?year=2024 | academicYear=2020 | from=2021-01-01&to=2021-10-30}:
 * the statistics section of the annual report for the period (DESIGN.md, report API).
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/report")
class ReportController {

    static final String ACCEPTED = "give one period: year=YYYY, academicYear=YYYY (1 September to 31 August), "
            + "or from=YYYY-MM-DD&to=YYYY-MM-DD (both days included)";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final AnnualReports reports;

    ReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(produces = "application/json")
    AnnualReport report(@PathVariable String org, @RequestParam Map<String, String> query) {
        ReportText.Numbers numbers = switch (query.getOrDefault("numbers", "rounded")) {
            case "rounded" -> ReportText.Numbers.ROUNDED;
            case "exact" -> ReportText.Numbers.EXACT;
            default -> throw new InvalidQuery("numbers", "must be exact or rounded");
        };
        return reports.report(org, period(query), numbers);
    }

    /** {@code Accept: text/csv} or {@code format=csv}: a file to download. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<byte[]> csv(@PathVariable String org, @RequestParam Map<String, String> query) {
        AnnualReport report = report(org, query);
        return file(report, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8), ReportCsv.of(report));
    }

    /** {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet} or {@code format=xlsx}. */
    @GetMapping(produces = ReportXlsx.MEDIA_TYPE)
    ResponseEntity<byte[]> xlsx(@PathVariable String org, @RequestParam Map<String, String> query) {
        AnnualReport report = report(org, query);
        return file(report, "xlsx", MediaType.parseMediaType(ReportXlsx.MEDIA_TYPE), ReportXlsx.of(report));
    }

    /** {@code Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document} or {@code format=docx}. */
    @GetMapping(produces = ReportDocx.MEDIA_TYPE)
    ResponseEntity<byte[]> docx(@PathVariable String org, @RequestParam Map<String, String> query) {
        AnnualReport report = report(org, query);
        return file(report, "docx", MediaType.parseMediaType(ReportDocx.MEDIA_TYPE), ReportDocx.of(report));
    }

    private static ResponseEntity<byte[]> file(AnnualReport report, String extension, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.org() + "-" + report.period().label() + "." + extension, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    static ReportPeriod period(Map<String, String> query) {
        boolean year = query.containsKey("year");
        boolean academicYear = query.containsKey("academicYear");
        boolean range = query.containsKey("from") || query.containsKey("to");
        if ((year ? 1 : 0) + (academicYear ? 1 : 0) + (range ? 1 : 0) != 1) {
            throw new InvalidQuery("period", (year || academicYear || range ? "more than one period given; " : "no period given; ") + ACCEPTED);
        }
        if (year) {
            return ReportPeriod.year(year(query, "year"));
        }
        if (academicYear) {
            return ReportPeriod.academicYear(year(query, "academicYear"));
        }
        LocalDate from = date(query, "from");
        LocalDate to = date(query, "to");
        if (to.isBefore(from)) {
            throw new InvalidQuery("to", "must not be before from (" + from + ")");
        }
        return ReportPeriod.range(from, to);
    }

    private static int year(Map<String, String> query, String name) {
        try {
            int year = Integer.parseInt(query.get(name));
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new InvalidQuery(name, "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return year;
        } catch (NumberFormatException e) {
            throw new InvalidQuery(name, "must be a year like 2024; " + ACCEPTED);
        }
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            throw new InvalidQuery(name, "is required with " + (name.equals("from") ? "to" : "from") + "; " + ACCEPTED);
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                throw new InvalidQuery(name, "must be a day from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(name, "must be a day like 2024-10-30 (YYYY-MM-DD)");
        }
    }

    /** A query parameter that cannot be used, named with why. */
    static final class InvalidQuery extends RuntimeException {
        private final String parameter;

        InvalidQuery(String parameter, String reason) {
            super(parameter + " " + reason);
            this.parameter = parameter;
        }
    }

    @ExceptionHandler(InvalidQuery.class)
    ProblemDetail invalid(InvalidQuery e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://xxgk.io/problems/invalid-report-query"));
        problem.setTitle("Invalid report query");
        problem.setProperty("invalid-params", List.of(Map.of("name", e.parameter, "reason", e.getMessage())));
        problem.setProperty("accepted", ACCEPTED);
        return problem;
    }
}
