package io.calendargateway.error;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path of the API answers, read from the resource classes once, for the {@code Allow} header of a
 * 405 (RESTEasy Reactive's own 405 carries none). HEAD and OPTIONS are listed as well: JAX-RS answers them for
 * every GET and every path.
 */
@Singleton
public class AllowedMethods {

    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]+}");

    private record Route(Pattern path, TreeSet<String> methods) {
    }

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        Map<String, TreeSet<String>> byTemplate = new TreeMap<>();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(bean -> bean.getBeanClass())
                .filter(type -> type.isAnnotationPresent(Path.class)).distinct().forEach(type -> {
                    for (Method method : type.getMethods()) {
                        httpMethod(method).ifPresent(verb -> byTemplate.computeIfAbsent(join(type.getAnnotation(
                                Path.class), method.getAnnotation(Path.class)), t -> new TreeSet<>()).add(verb));
                    }
                });
        byTemplate.forEach((template, methods) -> {
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            routes.add(new Route(Pattern.compile(TEMPLATE.matcher(template).replaceAll("[^/]+")), methods));
        });
    }

    /** "GET, HEAD, OPTIONS, POST" for a request path, or empty when no resource has that path. */
    public Optional<String> forPath(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.stream().filter(route -> route.path().matcher(normalized).matches()).findFirst()
                .map(route -> String.join(", ", route.methods()));
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(Path type, Path method) {
        String path = "/" + type.value() + (method == null ? "" : "/" + method.value());
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
