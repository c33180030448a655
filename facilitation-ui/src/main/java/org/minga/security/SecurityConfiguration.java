package org.minga.security;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.minga.assembly.api.Refusal;
import org.minga.ui.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what (README "Roles"). Facilitators sign in with a shared session cookie ({@link SignedInSessions}; browsers, CSRF-protected)
 * or with Basic or a Bearer token (scripts); tables act with their code, projectors and auditors
 * with share links. Pages are public HTML; everything they show comes through the API, which
 * checks every request. Every page gets a Content-Security-Policy without inline scripts.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** A request the firewall refuses (an encoded NUL or a blank in the path…) still gets a problem it can read. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> Problems.writeForField(request, response, Refusal.BODY_MALFORMED, "path");
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, Facilitators facilitators, TableCodes tableCodes,
                                                   ShareLinks shareLinks, WrongCodeThrottle throttle,
                                                   SignedInSessions sessions, SignInThrottle signIns,
                                                   PasswordEncoder passwordEncoder) throws Exception {
        CookieRequestCache pageAskedBeforeSignIn = new CookieRequestCache();
        // Scripts and scrapers get a problem+json 401 rather than the login page.
        RequestMatcher api = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/actuator/**"));
        // Only a page is worth coming back to after signing in: a phone's API call answered 401 (say, on an
        // assembly it has no code for) must not send the next sign-in on this browser to a JSON answer.
        pageAskedBeforeSignIn.setRequestMatcher(new NegatedRequestMatcher(api));
        // Passwords (login page and Basic) are checked here only: no parent manager tries them a second time.
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(facilitators);
        passwords.setPasswordEncoder(passwordEncoder);
        http
                .authenticationManager(new ProviderManager(signIns.guarding(passwords)))
                .authorizeHttpRequests(requests -> requests
                        // The live stream finishes on an async dispatch of a request already authorized;
                        // phones and links have no session to carry their grant there.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/favicon.svg", "/pages/**", "/error", "/login").permitAll()
                        .requestMatchers("/projector/**", "/table/**", "/audit/**", "/agenda/**", "/join", "/join/**").permitAll()
                        .requestMatchers("/qr.svg", "/api/join", "/api/join-address").permitAll()
                        .requestMatchers("/api/openapi", "/api/openapi/**", "/api/docs", "/api/docs/**", "/swagger-ui/**").permitAll()
                        // Probes ask without credentials; the answer is only UP or DOWN. Metrics need a facilitator.
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/assemblies/*", "/api/assemblies/*/**").access(SecurityConfiguration::assemblyAccess)
                        .anyRequest().hasRole(Facilitators.ROLE))
                // A sign-in lives in MongoDB, so every instance knows it; with the request cache and CSRF token
                // in cookies too, nothing creates an HTTP session (SharedSignInTest checks no JSESSIONID appears).
                .securityContext(context -> context.securityContextRepository(sessions))
                .requestCache(cache -> cache.requestCache(pageAskedBeforeSignIn))
                .formLogin(form -> form.loginPage("/login").successHandler(signIn(sessions, pageAskedBeforeSignIn))
                        .failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::unauthenticated))
                .logout(logout -> logout.addLogoutHandler((request, response, who) -> sessions.close(request, response))
                        .logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::usesAmbientCredentials))
                .addFilterAfter(new AccessCredentialsFilter(facilitators, tableCodes, shareLinks, throttle), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthenticated, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler((request, response, denied) -> Problems.write(request, response,
                                denied instanceof CsrfException ? Refusal.ACCESS_CSRF : Refusal.ACCESS_DENIED)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .addObjectPostProcessor(WRITE_HEADERS_FIRST));
        return http.build();
    }

    /**
     * The security headers are written before the request is handled, not when the response is
     * committed. A live board's first event is sent from another thread while the request's own
     * thread is still leaving the filters: Spring Security's default then writes the headers from
     * whichever thread commits first while the other reads or writes them too, and Tomcat's header
     * table (not thread-safe) broke under the benchmark's 3,000 streams opening (NullPointerException
     * in MimeHeaders, a stream answered 500 or dropped).
     */
    private static final ObjectPostProcessor<HeaderWriterFilter> WRITE_HEADERS_FIRST = new ObjectPostProcessor<>() {
        @Override
        public <O extends HeaderWriterFilter> O postProcess(O filter) {
            filter.setShouldWriteHeadersEagerly(true);
            return filter;
        }
    };

    /** Opens the shared sign-in, then goes where the facilitator was going (the console by default). */
    static AuthenticationSuccessHandler signIn(SignedInSessions sessions, CookieRequestCache pageAskedBeforeSignIn) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/console");
        redirect.setRequestCache(pageAskedBeforeSignIn);
        return (request, response, authentication) -> {
            sessions.open(authentication.getName(), request, response);
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Back to the login page, saying why; unlike Spring's default handler this keeps no HTTP session
     * for the error, so a wrong password leaves nothing behind.
     */
    static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String why = failure instanceof SignInThrottle.AccountLocked ? "=locked"
                : failure instanceof SignInThrottle.ClientThrottled ? "=throttled" : "";
        response.sendRedirect(request.getContextPath() + "/login?error" + why);
    }

    /** Facilitators everywhere; tables and links where {@link AccessPolicy} lets them. */
    static AuthorizationDecision assemblyAccess(Supplier<Authentication> who, RequestAuthorizationContext context) {
        Authentication authentication = who.get();
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication == null) {
            return new AuthorizationDecision(false);
        }
        if (Facilitators.isFacilitator(authentication)) {
            return new AuthorizationDecision(true);
        }
        if (authentication instanceof Grants.TableGrant table) {
            return new AuthorizationDecision(AccessPolicy.tableMay(table.table(), request.getMethod(), path));
        }
        if (authentication instanceof Grants.LinkGrant link) {
            return new AuthorizationDecision(AccessPolicy.linkMay(link.link(), request.getMethod(), path));
        }
        return new AuthorizationDecision(false);
    }

    /**
     * CSRF matters wherever a browser sends credentials by itself: our cookies. A change that comes
     * with any of them needs the token, whatever headers come along (a forged page can add a bogus
     * one); only requests without any Minga cookie (scripts, and nobody at all, answered 401) are
     * exempt. Joining takes no credential, it gives one.
     */
    static boolean usesAmbientCredentials(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI())) {
            return true; // nobody may be signed in to someone else's account from another site
        }
        boolean cookieCredential = AccessCredentialsFilter.cookie(request, SignedInSessions.COOKIE) != null
                || AccessCredentialsFilter.cookie(request, AccessCredentialsFilter.TABLE_COOKIE) != null
                || AccessCredentialsFilter.cookie(request, AccessCredentialsFilter.LINK_COOKIE) != null;
        return cookieCredential
                && !SAFE_METHODS.contains(request.getMethod())
                && !request.getRequestURI().equals("/api/join");
    }

    static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException e) throws IOException {
        // Too many wrong passwords (Basic): 429, saying whether this client or the account must wait.
        if (e instanceof SignInThrottle.AccountLocked) {
            response.setHeader("Retry-After", "300");
            Problems.write(request, response, Refusal.SIGN_IN_LOCKED);
            return;
        }
        if (e instanceof SignInThrottle.ClientThrottled) {
            response.setHeader("Retry-After", "60");
            Problems.write(request, response, Refusal.SIGN_IN_THROTTLED);
            return;
        }
        // No "Basic" challenge: a browser would pop up its own login box over the page.
        response.setHeader("WWW-Authenticate", "Bearer realm=\"minga\"");
        Problems.write(request, response, Refusal.ACCESS_UNAUTHENTICATED);
    }

    /** Writes the CSRF cookie on every response, so the pages' scripts can echo it in X-XSRF-TOKEN. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
