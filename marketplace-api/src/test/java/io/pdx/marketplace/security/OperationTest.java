package io.pdx.marketplace.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.testing.TransitionEnums;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations policy/data.json authorizes are exactly the typed ones and those the transition tables derive for a
 * caller's transitions, both ways: no operation without a caller, no caller without an operation.
 */
class OperationTest {

    @Test
    void everyOperation_isInThePolicyData_andEveryPolicyOperation_isAConstantOrATransitions() throws IOException {
        JsonNode operations = new ObjectMapper().readTree(Path.of("..", "policy", "data.json").toFile())
                .at("/pdx/config/authz/operations");
        Set<String> inPolicy = new HashSet<>();
        operations.fieldNames().forEachRemaining(inPolicy::add);
        Set<String> constants = new HashSet<>(Arrays.stream(Operation.values()).map(Operation::policyName).toList());
        Set<String> transitions = new HashSet<>(TransitionEnums.all().stream().map(Transition::operation)
                .filter(Objects::nonNull).toList());
        assertTrue(transitions.stream().noneMatch(constants::contains), "a transition's operation is not also a constant");
        Set<String> inCode = new HashSet<>(constants);
        inCode.addAll(transitions);
        assertEquals(inPolicy, inCode);
        for (String name : constants) {
            assertEquals(name, Operation.ofPolicyName(name).policyName());
        }
    }
}
