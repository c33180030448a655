package org.minga.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.minga.ui.MingaClient;
import org.minga.ui.TestDataDirectories;
import org.minga.ui.pages.JoinAddressController.HallNetwork;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sharing in real Chromium. A laptop on no network, Minga opened on localhost and no MINGA_PUBLIC_URL:
 * the table cards and the console say that phones cannot reach the address, in the page's language,
 * instead of printing {@code http://localhost:…/join/…} as if it worked. The agenda's public link
 * opens the agenda with no sign-in and says who can see it; without it the page says it is not public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingBrowserTest {

    private static final Path DATA_DIR = TestDataDirectories.fresh("cards-address");

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("minga.data-dir", DATA_DIR::toString);
    }

    /** Whatever the build machine's interfaces, this laptop is on no network. */
    @TestConfiguration
    static class NoNetwork {
        @Bean
        @Primary
        HallNetwork noHallNetwork() {
            return Optional::empty;
        }
    }

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private MingaClient api;

    @BeforeAll
    void signIn() {
        api = new MingaClient("http://localhost:" + port);
        RoomData.withNeedsOpen(api, "sin-red", 1, 2, 2);
        browser = Browsers.open(1280, 900, "es");
        Browsers.signIn(browser, url(""));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tableCardsWarnThatPhonesCannotReachTheAddressInBothLanguages() {
        browser.get(url("/console/sin-red/cards"));
        RoomBrowserTest.waitFor(browser, By.cssSelector(".table-print-card"));

        WebElement warning = RoomBrowserTest.waitFor(browser, By.cssSelector("#address-warning .address-warning"));
        assertThat(warning.getText()).contains("Los teléfonos no pueden llegar a esta dirección")
                .contains("http://localhost:" + port).contains("Wi-Fi").contains("MINGA_PUBLIC_URL");
        Browsers.screenshot(browser, "cards-unreachable-address");

        new Select(browser.findElement(By.id("lang-menu"))).selectByValue("en");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#address-warning .address-warning"))
                .getText().startsWith("Phones cannot reach this address"));
    }

    @Test
    void theConsoleWarnsToo() {
        browser.get(url("/console/sin-red"));

        WebElement warning = RoomBrowserTest.waitFor(browser, By.id("console-address-warning"));
        assertThat(warning.getText()).containsAnyOf("Los teléfonos no pueden llegar", "Phones cannot reach this address");
    }

    @Test
    void theConsoleSharesTheAgendaWithALinkToCopyAndItsQrCode() {
        browser.get(url("/console/sin-red"));

        RoomBrowserTest.waitFor(browser, By.id("new-public-link")).click();

        WebElement shared = RoomBrowserTest.waitFor(browser, By.cssSelector("#links-list li[data-kind='public']"));
        assertThat(shared.findElement(By.cssSelector(".link-url")).getDomProperty("value"))
                .startsWith("http://localhost:" + port + "/agenda/sin-red?link=");
        assertThat(shared.findElement(By.cssSelector("img.link-qr")).getDomAttribute("src")).startsWith("/qr.svg?text=");
        assertThat(shared.findElements(By.tagName("button"))).hasSize(2); // copy and revoke
        assertThat(browser.findElement(By.id("public-link-hint")).getText()).containsAnyOf("sin iniciar sesión", "without signing in");
    }

    @Test
    void thePublicAgendaLinkOpensTheAgendaWithoutSigningInAndSaysWhoSeesIt() {
        String link = api.post("/api/assemblies/sin-red/links", "{\"kind\": \"public\"}").expect(201).json().get("url").asText();
        ChromeDriver stranger = Browsers.open(390, 844, "es");
        try {
            stranger.get(url(link));

            new WebDriverWait(stranger, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/agenda/sin-red"));
            new WebDriverWait(stranger, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("audience")).getText().startsWith("Enlace público"));
            assertThat(stranger.findElement(By.id("title")).getText()).isEqualTo("Asamblea del Valle");
            assertThat(stranger.findElement(By.id("status")).getText()).isEqualTo("BORRADOR");
            assertThat(stranger.findElement(By.id("audit-link")).isDisplayed()).as("the audit is not for the public").isFalse();

            stranger.get(url("/agenda/sin-enlace"));
            new WebDriverWait(stranger, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("alert")).getText()
                    .startsWith("Esta agenda no es pública"));
        } finally {
            stranger.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
