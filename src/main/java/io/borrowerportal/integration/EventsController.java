package io.borrowerportal.integration;

import io.borrowerportal.outbox.EventFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event feed the servicing system pulls (decision 029): the outbox's events after a cursor, oldest first, with
 * each payload as a JSON object. A cursor below 0 or a limit outside 1 to {@value EventFeed#MAX_LIMIT} is a 400
 * problem naming the parameter, rather than being silently brought into range.
 */
@RestController
@Tag(name = "Events", description = "What happened in the portal (payments, AutoPay, profiles, insurance, uploads, contact changes), in commit order.")
class EventsController {

    static final int DEFAULT_LIMIT = 100;

    private final EventFeed feed;
    private final ApiProblems problems;

    EventsController(EventFeed feed, ApiProblems problems) {
        this.feed = feed;
        this.problems = problems;
    }

    @GetMapping(path = ApiPaths.BASE + "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The events after a cursor, oldest first",
            description = "Store next and ask with it next time. Delivery is at least once: de-duplicate on eventId.")
    EventsResponse events(@Parameter(description = "0 for the beginning, else the next of the page before") @RequestParam(defaultValue = "0") @Min(0) long after,
                          @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(EventFeed.MAX_LIMIT) int limit) {
        return EventsResponse.of(feed.after(after, limit), problems.json());
    }
}
