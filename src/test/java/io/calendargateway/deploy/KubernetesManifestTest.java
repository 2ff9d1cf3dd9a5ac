package io.calendargateway.deploy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.calendargateway.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests must match what the application serves and reads: every probe path answers 200 on
 * the running application, the probe ports are the container port, and every environment variable the
 * manifests set is one that application.properties reads. Probe paths are outside the contract, so no
 * OpenAPI validator here.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class KubernetesManifestTest {

    private static final Path K8S = Path.of("k8s");

    @Test
    void probePathsShouldBeServedByTheApplication() throws IOException {
        Map<String, Object> container = container();
        List<String> probes = List.of("startupProbe", "livenessProbe", "readinessProbe");
        for (String probe : probes) {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            String path = (String) httpGet.get("path");
            assertThat(path).as(probe + " path").startsWith("/q/health/");
            given().when().get(path).then().statusCode(200);
            assertThat(httpGet.get("port")).as(probe + " port").isEqualTo("http");
        }
        List<Map<String, Object>> ports = list(container.get("ports"));
        assertThat(ports).singleElement().satisfies(port -> {
            assertThat(port.get("name")).isEqualTo("http");
            assertThat(port.get("containerPort")).isEqualTo(8080);
        });
        Map<String, Object> service = documents("service.yaml").get(0);
        Map<String, Object> servicePort = list(map(service.get("spec")).get("ports")).get(0);
        assertThat(servicePort.get("targetPort")).isEqualTo("http");
    }

    @Test
    void environmentVariablesShouldBeOnesTheApplicationReads() throws IOException {
        Set<String> read = variablesReadByTheApplication();
        Set<String> set = new HashSet<>();
        for (String file : List.of("configmap.yaml", "secret.template.yaml")) {
            Map<String, Object> document = documents(file).get(0);
            Object data = document.containsKey("data") ? document.get("data") : document.get("stringData");
            set.addAll(map(data).keySet());
        }
        list(container().get("env")).forEach(env -> set.add((String) env.get("name")));
        assertThat(set).contains("DB_HOST", "DB_PASSWORD", "GATEWAY_ADMIN_TOKENS", "GATEWAY_SECRETS_ACTIVE_KEY_ID");
        assertThat(set).allSatisfy(variable ->
                assertThat(isRead(read, variable)).as(variable + " is read by the application").isTrue());
    }

    @Test
    void deploymentShouldBeHardened() throws IOException {
        Map<String, Object> deployment = documents("deployment.yaml").get(0);
        Map<String, Object> spec = map(deployment.get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> podSpec = map(map(spec.get("template")).get("spec"));
        assertThat(map(podSpec.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
        Map<String, Object> container = container();
        assertThat(map(container.get("securityContext")).get("readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(list(container.get("volumeMounts"))).anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/tmp"));
        assertThat(list(podSpec.get("volumes"))).anySatisfy(v -> assertThat(v).containsKey("emptyDir"));
        Map<String, Object> resources = map(container.get("resources"));
        assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
        assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
        List<String> refs = list(container.get("envFrom")).stream()
                .map(e -> e.containsKey("configMapRef") ? "configmap" : "secret").toList();
        assertThat(refs).containsExactlyInAnyOrder("configmap", "secret");
    }

    /**
     * Environment variables the application reads: those named in application.properties
     * ({@code ${NAME:default}}), the environment form of every property set there, and the keys of the
     * {@code gateway.secrets.keys.<id>} map ({@code GATEWAY_SECRETS_KEYS_<ID>}).
     */
    static Set<String> variablesReadByTheApplication() throws IOException {
        Set<String> names = new HashSet<>();
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}").matcher(properties);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        for (String line : properties.split("\n")) {
            String key = line.strip();
            if (!key.isEmpty() && !key.startsWith("#") && key.contains("=")) {
                key = key.substring(0, key.indexOf('=')).replaceFirst("^%[a-z]+\\.", "");
                names.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return names;
    }

    private static boolean isRead(Set<String> read, String variable) {
        return read.contains(variable) || variable.matches("GATEWAY_SECRETS_KEYS_[A-Z0-9_]+");
    }

    private static Map<String, Object> container() throws IOException {
        Map<String, Object> deployment = documents("deployment.yaml").get(0);
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        return list(podSpec.get("containers")).get(0);
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(K8S.resolve(file)))) {
            documents.add(map(document));
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
