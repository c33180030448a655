package org.minga.ui.web;

import java.util.List;
import java.util.Locale;

import org.minga.assembly.api.RefusalMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Answers in the request's language: Spanish by default, English when the browser or script asks for it. */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration {

    @Bean
    public LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(RefusalMessages.SPANISH, Locale.ENGLISH));
        resolver.setDefaultLocale(RefusalMessages.SPANISH);
        return resolver;
    }
}
