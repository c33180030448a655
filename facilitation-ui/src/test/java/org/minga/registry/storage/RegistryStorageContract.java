package org.minga.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minga.registry.ParticipantRegistry;
import org.minga.registry.ParticipantRegistry.PersonalData;
import org.minga.security.CredentialChanges;
import org.minga.security.Facilitators;
import org.minga.security.ShareLinks;
import org.minga.security.SignedInSessions;
import org.minga.security.TableCodes;
import org.minga.ui.MutableClock;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What the registry keeps, whichever store keeps it: each store's test extends this and gives a
 * fresh, empty storage. Most cases go through the classes that use the storage, as a facilitator
 * or a participant would notice them.
 */
abstract class RegistryStorageContract {

    private final MutableClock clock = new MutableClock();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final CredentialChanges changes = new CredentialChanges();
    RegistryStorage storage;

    /** A new storage on an empty store. */
    abstract RegistryStorage emptyStorage();

    @BeforeEach
    void openStorage() {
        storage = emptyStorage();
    }

    @Test
    void aFacilitatorUsernameCannotBeTakenTwice() {
        storage.insert(RegistryKinds.FACILITATORS, RegistryRecord.withId("ana").with("passwordHash", "first"));

        assertThatThrownBy(() -> storage.insert(RegistryKinds.FACILITATORS, RegistryRecord.withId("ana").with("passwordHash", "second")))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(storage.get(RegistryKinds.FACILITATORS, "ana").orElseThrow().text("passwordHash")).isEqualTo("first");
        assertThat(storage.count(RegistryKinds.FACILITATORS)).isEqualTo(1);
    }

    @Test
    void aNewPasswordEndsTheTokensMadeWithTheOldOneButANewFacilitatorEndsNothing() {
        Facilitators facilitators = facilitators("ana", "first-password");
        String token = facilitators.newToken("ana", "script", null).token();

        facilitators.save("beto", "betos-password");
        assertThat(facilitators.usernameOfToken(token)).contains("ana");

        facilitators.save("ana", "second-password");
        assertThat(facilitators.usernameOfToken(token)).isEmpty();
        assertThat(facilitators.usernames()).containsExactly("ana", "beto");
        assertThat(bcrypt.matches("second-password", facilitators.loadUserByUsername("ana").getPassword())).isTrue();
    }

    @Test
    void aSecondCodeForTheSameTableIsRefusedWhileOtherTablesGetTheirs() {
        storage.insert(RegistryKinds.TABLE_CODES, code("AAAAAA", "a1", "t1"));

        assertThatThrownBy(() -> storage.insert(RegistryKinds.TABLE_CODES, code("BBBBBB", "a1", "t1")))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> storage.put(RegistryKinds.TABLE_CODES, code("BBBBBB", "a1", "t1")))
                .isInstanceOf(DuplicateRecordException.class);
        storage.insert(RegistryKinds.TABLE_CODES, code("CCCCCC", "a1", "t2"));
        storage.insert(RegistryKinds.TABLE_CODES, code("DDDDDD", "a2", "t1"));
        assertThatThrownBy(() -> storage.put(RegistryKinds.TABLE_CODES, code("CCCCCC", "a1", "t1")))
                .as("a code moved onto a table that has one").isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> storage.update(RegistryKinds.TABLE_CODES, Match.id("DDDDDD"), Map.of("assemblyId", "a1")))
                .isInstanceOf(DuplicateRecordException.class);

        assertThat(storage.all(RegistryKinds.TABLE_CODES)).extracting(RegistryRecord::id).containsExactly("AAAAAA", "CCCCCC", "DDDDDD");
    }

    @Test
    void instancesMakingCodesAtOnceAllGetOneCodePerTable() throws Exception {
        List<TableCodes> instances = List.of(tableCodes(), tableCodes());
        List<String> tables = IntStream.rangeClosed(1, 10).mapToObj(i -> "t" + i).toList();
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<Map<String, String>>> answers = new ArrayList<>();
        for (int reader = 0; reader < 4; reader++) {
            TableCodes codes = instances.get(reader % 2);
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return codes.ensureCodes("a1", tables);
            }));
        }

        Map<String, String> first = answers.get(0).get(30, TimeUnit.SECONDS);
        for (CompletableFuture<Map<String, String>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(first);
        }
        assertThat(first).hasSize(10);
        assertThat(storage.count(RegistryKinds.TABLE_CODES)).isEqualTo(10);
        assertThat(instances.get(1).tableOf(first.get("t7"))).contains(new TableCodes.TableAccess("a1", "t7"));
    }

    @Test
    void aClosedAssemblyLosesItsCodesAndGetsNoNewOnes() {
        TableCodes codes = tableCodes();
        Map<String, String> open = codes.ensureCodes("a2", List.of("t1"));
        codes.ensureCodes("a1", List.of("t1", "t2"));

        codes.closeAssembly("a1");

        assertThat(codes.ensureCodes("a1", List.of("t1", "t2"))).isEmpty();
        assertThat(codes.codesOf("a1", List.of("t1", "t2"))).isEmpty();
        assertThat(codes.tableOf(open.get("t1"))).contains(new TableCodes.TableAccess("a2", "t1"));
    }

    @Test
    void aSessionPastItsExpiryIsNotFound() {
        SignedInSessions sessions = new SignedInSessions(storage, clock, changes);
        MockHttpServletResponse response = new MockHttpServletResponse();
        sessions.open("ana", new MockHttpServletRequest(), response);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setCookies(new Cookie(SignedInSessions.COOKIE, response.getCookie(SignedInSessions.COOKIE).getValue()));

        assertThat(signedIn(sessions, request)).isNotNull().extracting(Authentication::getName).isEqualTo("ana");

        clock.advance(Duration.ofHours(12).plusMinutes(1));
        assertThat(signedIn(sessions, request)).isNull();
        // The next sign-in sweeps it away.
        sessions.open("beto", new MockHttpServletRequest(), new MockHttpServletResponse());
        assertThat(storage.find(RegistryKinds.SESSIONS, Match.is("username", "ana"))).isEmpty();
        assertThat(storage.find(RegistryKinds.SESSIONS, Match.is("username", "beto"))).hasSize(1);
    }

    @Test
    void erasingAnAssemblysPeopleLeavesOtherAssemblies() {
        ParticipantRegistry registry = new ParticipantRegistry(storage);
        registry.register("a1", "p1", new PersonalData("Ana", "+591 700", null));
        registry.register("a1", "p2", new PersonalData("Beto", null, "beto@example.org"));
        registry.register("a2", "p1", new PersonalData("Carla", null, null));

        assertThat(storage.delete(RegistryKinds.PEOPLE, Match.is("assemblyId", "a1"))).isEqualTo(2);

        assertThat(registry.peopleOf("a1")).isEmpty();
        assertThat(registry.peopleOf("a2")).containsExactly(Map.entry("p1", new PersonalData("Carla", null, null)));
    }

    @Test
    void anErasedPersonIsGoneFromTheirAssemblyOnlyAndCannotComeBack() {
        ParticipantRegistry registry = new ParticipantRegistry(storage);
        registry.register("a1", "p1", new PersonalData("Ana", "+591 700", null));
        registry.register("a1", "p2", new PersonalData("Beto", null, null));
        registry.register("a2", "p1", new PersonalData("Ana", "+591 700", null));

        registry.erase("a1", "p1");

        assertThat(registry.namesOf("a1")).containsExactly(Map.entry("p2", "Beto"));
        assertThat(registry.namesOf("a2")).containsExactly(Map.entry("p1", "Ana"));
        assertThat(storage.get(RegistryKinds.PEOPLE, "a1:p1").orElseThrow().fields()).doesNotContainKeys("name", "phone");
        assertThatThrownBy(() -> registry.register("a1", "p1", new PersonalData("Ana", "+591 700", null)))
                .hasMessageContaining("p1");
    }

    @Test
    void aShareLinkIsFoundByItsTokensHashAndOnlyItsAssemblyRevokesIt() {
        ShareLinks links = new ShareLinks(storage, changes);
        ShareLinks.NewLink link = links.create("a1", ShareLinks.AUDITOR);
        links.create("a1", ShareLinks.PROJECTOR);

        assertThat(links.accessOf(link.token())).contains(new ShareLinks.LinkAccess(link.linkId(), "a1", ShareLinks.AUDITOR));
        assertThat(storage.find(RegistryKinds.SHARE_LINKS, Match.is("tokenHash", sha256(link.token())))).hasSize(1);
        assertThat(links.accessOf(link.token() + "0")).isEmpty();

        assertThat(links.revoke("a2", link.linkId())).isFalse();
        assertThat(links.accessOf(link.token())).isPresent();
        assertThat(links.revoke("a1", link.linkId())).isTrue();
        assertThat(links.accessOf(link.token())).isEmpty();
    }

    @Test
    void documentsImportedFromAnOldStoreReadBackThroughTheRegistry() {
        String hash = bcrypt.encode("imported-password");
        storage.importDocument("facilitators", document("_id", "ana", "passwordHash", hash));
        // A token from before tokens had an id and an expiry.
        storage.importDocument("api_tokens", document("_id", sha256("minga_old"), "username", "ana", "label", "old",
                "createdAt", "2025-01-01T00:00:00Z"));
        storage.importDocument("participant_registry", document("_id", "a1:p1", "assemblyId", "a1", "participantId", "p1",
                "name", "Ana", "phone", null, "email", "ana@example.org"));
        storage.importDocument("participant_registry", document("_id", "a1:p2", "assemblyId", "a1", "participantId", "p2",
                "erased", true));
        storage.importDocument("table_codes", document("_id", "KKKKKK", "assemblyId", "a1", "tableId", "t1", "createdAt", clock.millis()));

        Facilitators facilitators = new Facilitators(storage, bcrypt, clock, new SignedInSessions(storage, clock, changes), changes, "ana", "");

        assertThat(facilitators.loadUserByUsername("ana").getPassword()).isEqualTo(hash);
        assertThat(facilitators.usernameOfToken("minga_old")).contains("ana");
        assertThat(facilitators.tokens()).singleElement().satisfies(token -> {
            assertThat(token.tokenId()).isNotBlank();
            assertThat(Duration.between(clock.instant(), token.expiresAt())).isBetween(Duration.ofDays(89), Duration.ofDays(90));
        });
        ParticipantRegistry registry = new ParticipantRegistry(storage);
        assertThat(registry.peopleOf("a1")).containsExactly(Map.entry("p1", new PersonalData("Ana", null, "ana@example.org")));
        assertThat(tableCodes().tableOf("kkkkkk")).contains(new TableCodes.TableAccess("a1", "t1"));
        assertThatThrownBy(() -> storage.importDocument("people", document("_id", "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdIsNamedOnceWhenTwoWritersSetItOnlyWhereAbsent() {
        storage.insert(RegistryKinds.API_TOKENS, RegistryRecord.withId("h1").with("username", "ana"));

        assertThat(storage.update(RegistryKinds.API_TOKENS, Match.id("h1").and(Match.absent("tokenId")), Map.of("tokenId", "first")))
                .isEqualTo(1);
        assertThat(storage.update(RegistryKinds.API_TOKENS, Match.id("h1").and(Match.absent("tokenId")), Map.of("tokenId", "second")))
                .isZero();

        RegistryRecord token = storage.get(RegistryKinds.API_TOKENS, "h1").orElseThrow();
        assertThat(token.text("tokenId")).isEqualTo("first");
        assertThat(token.text("username")).isEqualTo("ana");
        assertThat(storage.find(RegistryKinds.API_TOKENS, Match.is("tokenId", "first"))).containsExactly(token);
    }

    @Test
    void recordsBelowAnExpiryAreDeletedAndOthersStay() {
        long now = clock.millis();
        storage.insert(RegistryKinds.SESSIONS, RegistryRecord.withId("old").with("username", "ana").with("expiresAt", now - 1));
        storage.insert(RegistryKinds.SESSIONS, RegistryRecord.withId("now").with("username", "ana").with("expiresAt", now));
        storage.insert(RegistryKinds.SESSIONS, RegistryRecord.withId("none").with("username", "ana"));

        assertThat(storage.delete(RegistryKinds.SESSIONS, Match.below("expiresAt", now))).isEqualTo(1);

        assertThat(storage.all(RegistryKinds.SESSIONS)).extracting(RegistryRecord::id).containsExactly("now", "none");
    }

    @Test
    void valuesComeBackAsTheTypesTheyWereWrittenWith() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("count", 3);
        nested.put("at", 1_700_000_000_123L);
        RegistryRecord written = RegistryRecord.withId("a1:p1")
                .with("assemblyId", "a1")
                .with("smallLong", 5L)
                .with("millis", 1_700_000_000_123L)
                .with("int", 7)
                .with("createdAt", "2026-12-03T15:41:13.123456Z")
                .with("date", new Date(1_700_000_000_123L))
                .with("ratio", 0.5)
                .with("erased", true)
                .with("phone", null)
                .with("tags", List.of("x", 2L))
                .with("nested", nested);

        storage.put(RegistryKinds.PEOPLE, written);
        RegistryRecord read = storage.get(RegistryKinds.PEOPLE, "a1:p1").orElseThrow();

        assertThat(read.get("smallLong")).isInstanceOf(Long.class).isEqualTo(5L);
        assertThat(read.get("millis")).isInstanceOf(Long.class).isEqualTo(1_700_000_000_123L);
        assertThat(read.get("int")).isInstanceOf(Integer.class).isEqualTo(7);
        assertThat(read.get("createdAt")).isEqualTo("2026-12-03T15:41:13.123456Z");
        assertThat(read.get("date")).isInstanceOf(Date.class).isEqualTo(new Date(1_700_000_000_123L));
        assertThat(read.get("ratio")).isEqualTo(0.5);
        assertThat(read.get("erased")).isEqualTo(true);
        assertThat(read.fields()).containsEntry("phone", null);
        assertThat(read.get("tags")).isEqualTo(List.of("x", 2L));
        @SuppressWarnings("unchecked") Map<String, Object> readNested = (Map<String, Object>) read.get("nested");
        assertThat(readNested).containsExactlyEntriesOf(nested);
        assertThat(read.fields().keySet()).containsExactlyElementsOf(written.fields().keySet());
    }

    @Test
    void aPutAnswersWhetherItReplacedAndKeepsTheRecordsPlace() {
        assertThat(storage.put(RegistryKinds.CLOSED_ASSEMBLIES, RegistryRecord.withId("a1").with("closedAt", 1L))).isFalse();
        storage.put(RegistryKinds.CLOSED_ASSEMBLIES, RegistryRecord.withId("a2").with("closedAt", 2L));

        assertThat(storage.put(RegistryKinds.CLOSED_ASSEMBLIES, RegistryRecord.withId("a1").with("closedAt", 3L))).isTrue();

        assertThat(storage.all(RegistryKinds.CLOSED_ASSEMBLIES)).containsExactly(
                RegistryRecord.withId("a1").with("closedAt", 3L), RegistryRecord.withId("a2").with("closedAt", 2L));
        assertThat(storage.delete(RegistryKinds.CLOSED_ASSEMBLIES, "a1")).isTrue();
        assertThat(storage.delete(RegistryKinds.CLOSED_ASSEMBLIES, "a1")).isFalse();
        assertThat(storage.count(RegistryKinds.CLOSED_ASSEMBLIES)).isEqualTo(1);
    }

    @Test
    void aQueryOnAFieldThatIsNotALookupIsRefusedOnEveryStore() {
        assertThatThrownBy(() -> storage.find(RegistryKinds.PEOPLE, Match.is("name", "Ana"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.delete(RegistryKinds.SHARE_LINKS, Match.below("assemblyId", 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Facilitators facilitators(String user, String password) {
        return new Facilitators(storage, bcrypt, clock, new SignedInSessions(storage, clock, changes), changes, user, password);
    }

    private TableCodes tableCodes() {
        return new TableCodes(storage, clock, changes, 24);
    }

    private RegistryRecord code(String code, String assemblyId, String tableId) {
        return RegistryRecord.withId(code).with("assemblyId", assemblyId).with("tableId", tableId).with("createdAt", clock.millis());
    }

    private static Authentication signedIn(SignedInSessions sessions, MockHttpServletRequest request) {
        return sessions.loadDeferredContext(request).get().getAuthentication();
    }

    private static Map<String, Object> document(Object... keysAndValues) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
