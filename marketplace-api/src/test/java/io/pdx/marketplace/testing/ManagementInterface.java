package io.pdx.marketplace.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** marketplace-api's management interface (metrics), on loopback beside the public port: 9001 in tests. */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    public static RequestSpecification given() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port());
    }
}
