package io.xxgk.dashboard.home;

import com.clickhouse.client.api.Client;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The leadership overview; for now, how many events each org has stored. */
@Controller
class HomeController {

    private final Client clickHouse;

    HomeController(Client clickHouse) {
        this.clickHouse = clickHouse;
    }

    @GetMapping("/")
    String overview(Model model) {
        List<Map<String, Object>> orgs = clickHouse.queryAll(
                "SELECT org, count() AS events FROM events FINAL GROUP BY org ORDER BY org").stream()
                .map(r -> Map.<String, Object>of("org", r.getString("org"), "events", r.getLong("events")))
                .toList();
        model.addAttribute("orgs", orgs);
        return "overview";
    }
}
