package org.minga.ui.web;

import org.minga.assembly.api.Step;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Steps travel in paths as their codes ("work-plan"), as in docs/API.md; reads wait for the writes they follow. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    private final ReadAfterWrite readAfterWrite;

    public WebConfiguration(ReadAfterWrite readAfterWrite) {
        this.readAfterWrite = readAfterWrite;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Step.class, Step::fromCode);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(readAfterWrite).addPathPatterns("/api/assemblies", "/api/assemblies/**");
    }
}
