package org.minga.ui.web;

import java.util.Locale;

import org.minga.assembly.api.RefusalMessages;
import org.minga.words.Words;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Answers in the request's language: the first of its {@code Accept-Language} that Minga ships a
 * catalogue of words for (K'iche' included, in Spanish where it is not translated yet), Spanish otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration {

    @Bean
    public LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(Words.languages().stream().map(Locale::forLanguageTag).toList());
        resolver.setDefaultLocale(RefusalMessages.SPANISH);
        return resolver;
    }
}
