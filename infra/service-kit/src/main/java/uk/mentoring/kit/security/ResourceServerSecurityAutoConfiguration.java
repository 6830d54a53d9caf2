package uk.mentoring.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import uk.mentoring.kit.domain.RuleViolation;

/**
 * Every service checks the caller's token itself (signature, issuer, expiry, audience), whatever
 * the gateway already did: a request that reaches a service directly is held to the same rules.
 */
@EnableConfigurationProperties(ClaimNames.class)
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
public class ResourceServerSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ClaimNames claims) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(claims.roles());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(Customizer.withDefaults());
        return http.build();
    }

    /** Boot's decoder, with its issuer and audience checks, behind a memory of the tokens it accepted. */
    @Bean
    static BeanPostProcessor rememberedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(uncheckedToldApart(decoder), Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * The provider's configuration and keys are fetched with a bounded wait. Spring Security's
     * client has none by default: a provider that accepts the connection and never answers would
     * hold every request thread that needs its keys, for ever.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer identityProviderKeys(
            @Value("${mentoring.identity-provider.connect-timeout}") Duration connect,
            @Value("${mentoring.identity-provider.answer-timeout}") Duration answer) {
        SimpleClientHttpRequestFactory bounded = new SimpleClientHttpRequestFactory();
        bounded.setConnectTimeout(connect);
        bounded.setReadTimeout(answer);
        RestTemplate identityProvider = new RestTemplate(bounded);
        return builder -> builder.restOperations(identityProvider);
    }

    /**
     * Failing to fetch the provider's configuration arrives as whatever the client threw, which
     * Spring Security passes on as a server error. As a {@link JwtException} that is not a
     * {@link BadJwtException} it becomes "could not check" (503), told apart from "refused" (401).
     */
    static JwtDecoder uncheckedToldApart(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException checkedAndAnswered) {
                throw checkedAndAnswered;
            } catch (RuntimeException unchecked) {
                throw new JwtException("The identity provider's keys could not be fetched: " + unchecked.getMessage(), unchecked);
            }
        };
    }

    /**
     * No observation around each of Spring Security's filters: observed, each cost more than the
     * filter itself, and the wrapping stayed on every request even with those observations switched
     * off. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Lets controllers take the {@link Caller} as a parameter, and checks {@link ForRoles} before a body is read. */
    @Bean
    WebMvcConfigurer callerArgument(ClaimNames claims) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        ForRoles allowed = handler instanceof HandlerMethod method ? method.getMethodAnnotation(ForRoles.class) : null;
                        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                        if (allowed == null || !(authentication != null && authentication.getPrincipal() instanceof Jwt jwt)) {
                            return true;
                        }
                        Caller caller = Caller.from(jwt, claims);
                        if (Arrays.stream(allowed.value()).anyMatch(caller::has)) {
                            return true;
                        }
                        String who = caller.roles().isEmpty() ? "no role of the platform"
                                : caller.roles().stream().sorted().map(Role::person).collect(Collectors.joining(" and "));
                        throw RuleViolation.forbidden("not-for-your-role", "Not for your role", allowed.doing() + " is for "
                                + Arrays.stream(allowed.value()).map(Role::people).collect(Collectors.joining(" or ")) + "; you are signed in as " + who + ".");
                    }
                });
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType().equals(Caller.class);
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
                            return Caller.from(jwt, claims);
                        }
                        throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no token");
                    }
                });
            }
        };
    }
}
