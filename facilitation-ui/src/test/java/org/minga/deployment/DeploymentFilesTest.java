package org.minga.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What an operator relies on in docker-compose.yml, the Dockerfile and the gateway's nginx.conf
 * (README, "Production"). The files are read, not run: no Docker is needed.
 */
class DeploymentFilesTest {

    private static final List<String> SERVICES = List.of("axonserver", "mongodb", "minga", "gateway");

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        compose = map(new Yaml().load(Files.readString(root.resolve("docker-compose.yml"))), "docker-compose.yml");
    }

    @Test
    void composeRunsAxonServerMongoDbMingaAndTheGateway() {
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void everyImageIsPinnedToATagOtherThanLatest() {
        services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            String tag = tagOf(image);
            assertThat(tag).as("tag of %s's image %s", name, image).isNotEmpty().doesNotStartWith("latest");
        });
    }

    @Test
    void everyServiceHasAHealthCheckThatRunsACommand() {
        services().forEach((name, service) -> {
            Map<String, Object> health = map(service.get("healthcheck"), name + ".healthcheck");
            assertThat(health.get("disable")).as(name).isNotEqualTo(Boolean.TRUE);
            List<String> test = strings(health.get("test"));
            assertThat(test).as("%s health check", name).hasSizeGreaterThan(1);
            assertThat(test.get(0)).as("%s health check", name).isIn("CMD", "CMD-SHELL");
        });
    }

    @Test
    void eventsAndReadModelsLiveOnNamedVolumesDeclaredAtTopLevel() {
        Map<String, Object> declared = map(compose.get("volumes"), "top-level volumes");
        Map<String, String> axonServer = mounts("axonserver");
        Map<String, String> mongoDb = mounts("mongodb");

        for (String kept : List.of("/axonserver/events", "/axonserver/data", "/axonserver/config")) {
            assertThat(axonServer).as("axonserver mounts").containsKey(kept);
            assertThat(declared).as("volume for axonserver's %s", kept).containsKey(axonServer.get(kept));
        }
        assertThat(mongoDb).as("mongodb mounts").containsKey("/data/db");
        assertThat(declared).as("volume for mongodb's /data/db").containsKey(mongoDb.get("/data/db"));
    }

    @Test
    void mingaIsBuiltFromTheRootDockerfileAndTalksToAxonServerAndMongoDb() {
        Map<String, Object> minga = service("minga");
        Object build = minga.get("build");
        String context = build instanceof Map<?, ?> spec ? String.valueOf(spec.get("context")) : String.valueOf(build);
        assertThat(context).isIn(".", "./");
        if (build instanceof Map<?, ?> spec && spec.get("dockerfile") != null) {
            assertThat(spec.get("dockerfile")).isEqualTo("Dockerfile");
        }

        Map<String, String> environment = environment(minga);
        assertThat(environment)
                .containsEntry("SPRING_PROFILES_ACTIVE", "axonserver")
                .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124");
        assertThat(environment.get("MINGA_MONGODB_URI")).startsWith("mongodb://mongodb:27017");
    }

    @Test
    void mingaStartsOnlyOnceAxonServerAndMongoDbAreHealthy() {
        Map<String, Object> dependsOn = map(service("minga").get("depends_on"), "minga.depends_on");
        for (String dependency : List.of("axonserver", "mongodb")) {
            Map<String, Object> condition = map(dependsOn.get(dependency), "minga.depends_on." + dependency);
            assertThat(condition.get("condition")).as(dependency).isEqualTo("service_healthy");
        }
    }

    @Test
    void mingaPublishesNoHostPortSoThatItScales() {
        Map<String, Object> minga = service("minga");
        assertThat(minga).as("minga").doesNotContainKeys("ports", "container_name");
        assertThat(strings(minga.get("expose"))).contains("8080");
    }

    @Test
    void axonServerShowsItsDashboardToThisMachineOnlyAndKeepsGrpcInside() {
        List<String> ports = strings(service("axonserver").get("ports"));
        assertThat(ports).isNotEmpty().allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        assertThat(ports).noneSatisfy(port -> assertThat(port).contains("8124"));
    }

    @Test
    void theGatewayPublishes8080AndMountsTheNginxConfOfTheRepository() {
        Map<String, Object> gateway = service("gateway");
        assertThat(strings(gateway.get("ports"))).anySatisfy(port -> {
            String[] parts = port.split(":");
            assertThat(parts[parts.length - 2]).as("published port").isEqualTo("8080");
            assertThat(parts[parts.length - 1]).as("container port").isEqualTo("8080");
        });
        Map<String, String> mounts = mounts("gateway");
        assertThat(mounts).containsKey("/etc/nginx/nginx.conf");
        assertThat(Path.of(mounts.get("/etc/nginx/nginx.conf")).normalize()).isEqualTo(Path.of("deploy/nginx.conf"));
        assertThat(root.resolve("deploy/nginx.conf")).isRegularFile();
        Map<String, Object> dependsOn = map(gateway.get("depends_on"), "gateway.depends_on");
        assertThat(map(dependsOn.get("minga"), "gateway.depends_on.minga").get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void theImageIsBuiltWithTheMavenWrapper() throws IOException {
        List<List<String>> stages = dockerfileStages();
        assertThat(stages).as("stages of the Dockerfile").hasSizeGreaterThanOrEqualTo(2);
        List<String> build = stages.get(0);
        assertThat(build.get(0)).startsWith("FROM eclipse-temurin:17-jdk");
        assertThat(build).anySatisfy(line -> assertThat(line).startsWith("RUN").contains("./mvnw").contains("package"));
    }

    @Test
    void theBuildStageCopiesThePomOfEveryModuleOrMavenCannotReadTheBuild() throws IOException {
        List<String> build = dockerfileStages().get(0);
        java.util.regex.Matcher module = java.util.regex.Pattern.compile("<module>([^<]+)</module>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        int modules = 0;
        while (module.find()) {
            String pom = module.group(1) + "/pom.xml";
            modules++;
            assertThat(build).as("the Dockerfile copies " + pom).anySatisfy(line -> assertThat(line).startsWith("COPY " + pom + " "));
        }
        assertThat(modules).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theImageRunsTheJarOnAJava17JreAsAnUnprivilegedUser() throws IOException {
        List<List<String>> stages = dockerfileStages();
        List<String> runtime = stages.get(stages.size() - 1);
        assertThat(runtime.get(0)).matches("FROM eclipse-temurin:17-jre\\S*");
        assertThat(runtime).anySatisfy(line -> assertThat(line).startsWith("COPY --from=").endsWith("minga.jar /app/minga.jar"));
        assertThat(runtime).anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT").contains("\"-jar\"", "\"/app/minga.jar\""));

        Optional<String> user = runtime.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last);
        assertThat(user).as("USER of the runtime stage").isPresent();
        assertThat(user.get().substring("USER ".length()).split(":")[0]).isNotIn("root", "0");
    }

    @Test
    void theGatewayStreamsWithoutBufferingAndFindsInstancesThroughDockerDns() throws IOException {
        List<String> directives = nginxDirectives();
        assertThat(directives).contains("listen 8080", "proxy_buffering off");
        assertThat(directives).anySatisfy(directive -> assertThat(directive).startsWith("resolver 127.0.0.11 "));

        // A variable in proxy_pass is what makes nginx resolve "minga" again while it runs.
        String variable = directives.stream()
                .map(Pattern.compile("set \\$(\\w+) http://minga:8080")::matcher)
                .filter(Matcher::matches).map(matcher -> matcher.group(1))
                .findFirst().orElseGet(() -> fail("no variable set to http://minga:8080"));
        assertThat(directives).contains("proxy_pass $" + variable);
        assertThat(directives).noneSatisfy(directive -> assertThat(directive).startsWith("proxy_pass http://minga"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void mingaBelievesForwardedAddressesFromTheGatewayAloneWhoseAddressIsFixedAndNeverHandedOut() throws IOException {
        // Tomcat trusts X-Forwarded-For from every private address by default: anyone on the hall's
        // network could then pass for anyone, and the wrong-code and sign-in throttles would count nobody.
        Map<String, Object> gatewayNetworks = map(service("gateway").get("networks"), "gateway networks");
        String gatewayAddress = String.valueOf(map(gatewayNetworks.get("default"), "gateway's default network").get("ipv4_address"));
        String trusted = environment(service("minga")).get("MINGA_TRUSTED_PROXIES");
        assertThat(trusted).as("MINGA_TRUSTED_PROXIES in docker-compose.yml").startsWith("${MINGA_TRUSTED_PROXIES:-");
        String composeDefault = trusted.substring("${MINGA_TRUSTED_PROXIES:-".length(), trusted.length() - 1);
        assertThat(gatewayAddress).matches(composeDefault);
        assertThat("172.30.80.11").doesNotMatch(composeDefault);
        assertThat("192.168.1.50").doesNotMatch(composeDefault);

        Map<String, Object> profile = map(new Yaml().load(Files.readString(
                root.resolve("facilitation-ui/src/main/resources/application-axonserver.yml"))), "application-axonserver.yml");
        Map<String, Object> server = map(profile.get("server"), "server");
        assertThat(server.get("forward-headers-strategy")).isEqualTo("native");
        String internalProxies = String.valueOf(map(map(server.get("tomcat"), "tomcat").get("remoteip"), "remoteip").get("internal-proxies"));
        assertThat(internalProxies).isEqualTo("${MINGA_TRUSTED_PROXIES:" + composeDefault + "}");

        List<Object> pools = (List<Object>) map(map(map(compose.get("networks"), "networks").get("default"), "default network")
                .get("ipam"), "ipam").get("config");
        Map<String, Object> pool = map(pools.get(0), "address pool");
        assertThat(inRange(gatewayAddress, String.valueOf(pool.get("subnet")))).as("inside the subnet").isTrue();
        assertThat(inRange(gatewayAddress, String.valueOf(pool.get("ip_range")))).as("outside the range handed out").isFalse();
    }

    private static boolean inRange(String address, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        return fail("no docker-compose.yml in %s or above", Path.of("").toAbsolutePath());
    }

    private static Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose.get("services"), "services").forEach((name, service) -> services.put(name, map(service, name)));
        return services;
    }

    private static Map<String, Object> service(String name) {
        return map(services().get(name), name);
    }

    /** The tag of an image reference: after the last colon that follows the last slash. */
    private static String tagOf(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? "" : name.substring(colon + 1);
    }

    /** Container path to volume name (or host path), from short ("source:target:mode") or long syntax. */
    private static Map<String, String> mounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        Object volumes = service(service).get("volumes");
        for (Object volume : volumes instanceof List<?> list ? list : List.of()) {
            if (volume instanceof Map<?, ?> spec) {
                mounts.put(String.valueOf(spec.get("target")), String.valueOf(spec.get("source")));
            } else {
                String[] parts = String.valueOf(volume).split(":");
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> environment.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (String entry : strings(declared)) {
                String[] keyValue = entry.split("=", 2);
                environment.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return environment;
    }

    /** The Dockerfile's instructions, continuation lines joined, grouped by stage (each starts with FROM). */
    private static List<List<String>> dockerfileStages() throws IOException {
        String joined = Files.readString(root.resolve("Dockerfile")).replaceAll("\\\\\\R", " ");
        List<List<String>> stages = new ArrayList<>();
        for (String line : joined.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String instruction = line.replaceAll("\\s+", " ");
            if (instruction.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).add(instruction);
            }
        }
        return stages;
    }

    /** nginx.conf as its directives, comments dropped and blanks collapsed ("proxy_buffering off"). */
    private static List<String> nginxDirectives() throws IOException {
        String conf = Files.readString(root.resolve("deploy/nginx.conf")).replaceAll("#[^\\n]*", "");
        return Arrays.stream(conf.split("[;{}]"))
                .map(directive -> directive.strip().replaceAll("\\s+", " "))
                .filter(directive -> !directive.isEmpty())
                .toList();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            return fail("%s is not a mapping: %s", what, value);
        }
        return (Map<String, Object>) value;
    }
}
