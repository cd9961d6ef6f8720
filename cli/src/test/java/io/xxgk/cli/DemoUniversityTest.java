package io.xxgk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xxgk.client.Event;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoUniversityTest {

    private final List<Event> year = DemoUniversity.year(2024, LocalDate.of(2024, 12, 31));

    @Test
    void aYearHasEveryEventTypeInTheProportionsOfARealReport() {
        Map<String, Long> byType = year.stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));

        assertThat(byType).containsKeys("xxgk.item.published", "xxgk.item.retracted", "xxgk.item.viewed", "xxgk.item.stats",
                "xxgk.channel.followers", "xxgk.issue.released", "xxgk.request.received", "xxgk.request.answered",
                "xxgk.request.declined", "xxgk.complaint.received", "xxgk.service.contact");
        assertThat(byType.get("xxgk.item.published")).as("1300 + 372 + 41 + 200 + 60 + 500 + 700 + 300 + 1259 + 1085 + 250").isEqualTo(6067);
        assertThat(byType.get("xxgk.issue.released")).isEqualTo(15);
        assertThat(year).allSatisfy(e -> assertThat(e.time().getYear()).isBetween(2024, 2025));
    }

    @Test
    void theSameYearGivesTheSameIdsAndTheYearSoFarIsItsBeginning() {
        List<String> again = DemoUniversity.year(2024, LocalDate.of(2024, 12, 31)).stream().map(Event::id).toList();
        List<Event> soFar = DemoUniversity.year(2024, LocalDate.of(2024, 6, 30));

        assertThat(again).isEqualTo(year.stream().map(Event::id).toList());
        assertThat(new HashSet<>(again)).hasSize(again.size());
        assertThat(soFar).isNotEmpty().allSatisfy(e -> assertThat(e.time().toLocalDate()).isBeforeOrEqualTo(LocalDate.of(2024, 6, 30)));
        assertThat(year).containsAll(soFar);
    }
}
