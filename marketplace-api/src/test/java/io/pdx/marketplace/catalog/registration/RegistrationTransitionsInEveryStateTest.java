package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.time.MovablePlatformClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.PROVIDER;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.REVIEWER;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.created;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.draft;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.post;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.registered;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.throughPublicity;
import static io.pdx.marketplace.catalog.registration.RegistrationResourceTest.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every caller's registration transition against every state a registration can be in, through the REST API with the
 * real policy (as {@code LicenseResourceTest} does for licenses): taken where the transition table says it leaves from
 * that state (200 and the table's target), a 409 {@code illegal-transition} problem everywhere else — and register
 * during an open publicity window a 409 {@code publicity-open}. Each case on a registration of its own, brought to its
 * state through the API (the window's end on the platform's movable clock).
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class RegistrationTransitionsInEveryStateTest {

    static final String PROBLEMS = "https://pdx.example/problems/";

    @AfterEach
    void clockBack() {
        MovablePlatformClock.reset();
    }

    /** A state, told apart where the window matters, and how to bring a fresh registration to it. */
    record Reached(String name, RegistrationStatus status, boolean windowOver, Supplier<String> reach) {
    }

    static List<Reached> states() {
        return List.of(
                new Reached("DRAFT", RegistrationStatus.DRAFT, false, () -> created(PROVIDER, draft(uniqueName()))),
                new Reached("SUBMITTED", RegistrationStatus.SUBMITTED, false, RegistrationPublicityTest::submitted),
                new Reached("RETURNED", RegistrationStatus.RETURNED, false, () -> {
                    String id = RegistrationPublicityTest.submitted();
                    post(REVIEWER, "/api/v1/datasets/" + id + "/return", Map.of("reasons", List.of("补充说明 / more detail")))
                            .statusCode(200);
                    return id;
                }),
                new Reached("PUBLICITY (window open)", RegistrationStatus.PUBLICITY, false, () -> {
                    String id = RegistrationPublicityTest.submitted();
                    post(REVIEWER, "/api/v1/datasets/" + id + "/accept", null).statusCode(200);
                    return id;
                }),
                new Reached("PUBLICITY (window over)", RegistrationStatus.PUBLICITY, true, () -> {
                    String id = RegistrationPublicityTest.submitted();
                    post(REVIEWER, "/api/v1/datasets/" + id + "/accept", null).statusCode(200);
                    MovablePlatformClock.advance(Duration.ofDays(11)); // reset after the case
                    return id;
                }),
                new Reached("REGISTERED", RegistrationStatus.REGISTERED, true, () -> registered(draft(uniqueName()))),
                new Reached("SUPERSEDED", RegistrationStatus.SUPERSEDED, true, () -> {
                    String id = registered(draft(uniqueName()));
                    String change = post(PROVIDER, "/api/v1/datasets/" + id + "/versions",
                            Map.of("type", "CHANGE", "reason", "新增字段 / a new column")).statusCode(201).extract().path("id");
                    post(PROVIDER, "/api/v1/datasets/" + change + "/submit", null).statusCode(200);
                    throughPublicity(change).body("status", equalTo("REGISTERED"));
                    return id;
                }),
                new Reached("CANCELLED", RegistrationStatus.CANCELLED, true, () -> {
                    String id = registered(draft(uniqueName()));
                    String cancellation = post(PROVIDER, "/api/v1/datasets/" + id + "/versions",
                            Map.of("type", "CANCELLATION", "reason", "停止采集 / no longer collected")).statusCode(201).extract().path("id");
                    post(PROVIDER, "/api/v1/datasets/" + cancellation + "/submit", null).statusCode(200);
                    throughPublicity(cancellation).body("status", equalTo("CANCELLED"));
                    return id;
                }));
    }

    static ValidatableResponse take(RegistrationTransition transition, String id) {
        String path = "/api/v1/datasets/" + id + "/" + transition.verb();
        return switch (transition) {
            case SUBMIT -> post(PROVIDER, path, null);
            case RETURN -> post(REVIEWER, path, Map.of("reasons", List.of("退回 / returned")));
            default -> post(REVIEWER, path, null);
        };
    }

    @TestFactory
    List<DynamicTest> everyCallersTransition_fromEveryState() {
        List<DynamicTest> cases = new ArrayList<>();
        for (Reached state : states()) {
            for (RegistrationTransition transition : RegistrationTransition.values()) {
                if (transition.by() != io.pdx.marketplace.lifecycle.Transition.By.CALLER) {
                    continue;
                }
                cases.add(DynamicTest.dynamicTest(transition.verb() + " from " + state.name(), () -> {
                    try {
                        String id = state.reach().get();
                        ValidatableResponse answer = take(transition, id);
                        if (!transition.leavesFrom(state.status())) {
                            answer.statusCode(409).contentType("application/problem+json")
                                    .body("type", startsWith(PROBLEMS + "illegal-transition"));
                        } else if (transition == RegistrationTransition.REGISTER && !state.windowOver()) {
                            answer.statusCode(409).body("type", startsWith(PROBLEMS + "publicity-open"));
                        } else {
                            answer.statusCode(200).body("status", equalTo(transition.target().name()));
                        }
                    } finally {
                        MovablePlatformClock.reset();
                    }
                }));
            }
        }
        return cases;
    }
}
