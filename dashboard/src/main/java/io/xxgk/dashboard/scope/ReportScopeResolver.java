package io.xxgk.dashboard.scope;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A controller's {@link ReportScope} argument: the org of the path's {@code {org}}, else (a province path) the province. */
@Configuration(proxyBeanMethods = false)
class ReportScopeResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ReportScope.class;
    }

    @Override
    public ReportScope resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                       WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        String org = path == null ? null : path.get("org");
        // /api/v1/orgs/province/… is an org nobody may have, not the province: the province has its own paths
        return org == null ? ReportScope.PROVINCE : new ReportScope.OneOrg(org);
    }
}
