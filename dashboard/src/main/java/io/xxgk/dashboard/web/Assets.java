package io.xxgk.dashboard.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The bundled scripts and stylesheet (frontend/, built by esbuild): linked by a name that carries
 * a hash of the content ({@code /assets/overview-3f2a….js}, written into the pages by Thymeleaf),
 * so a browser keeps each for a year without asking again and a new build is a new name; sent as
 * the brotli or gzip copy built beside it when the browser accepts one.
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
