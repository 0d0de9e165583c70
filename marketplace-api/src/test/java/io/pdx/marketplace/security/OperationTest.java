package io.pdx.marketplace.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The typed operations and the ones policy/data.json authorizes are the same list, both ways. */
class OperationTest {

    @Test
    void everyOperation_isInThePolicyData_andEveryPolicyOperation_isAConstant() throws IOException {
        JsonNode operations = new ObjectMapper().readTree(Path.of("..", "policy", "data.json").toFile())
                .at("/pdx/config/authz/operations");
        Set<String> inPolicy = new HashSet<>();
        operations.fieldNames().forEachRemaining(inPolicy::add);
        Set<String> inCode = new HashSet<>(Arrays.stream(Operation.values()).map(Operation::policyName).toList());
        assertEquals(inPolicy, inCode);
        for (String name : inPolicy) {
            assertEquals(name, Operation.ofPolicyName(name).policyName());
        }
    }
}
