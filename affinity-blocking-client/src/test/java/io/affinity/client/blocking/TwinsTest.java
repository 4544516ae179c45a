package io.affinity.client.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.AffinityClient;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

/** Every public operation of the reactive client has its blocking twin: same name, same parameters. */
class TwinsTest {

    @Test
    void everyReactiveOperationHasABlockingTwin() throws Exception {
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Method accessor : publicMethods(AffinityClient.class)) {
            Class<?> type = accessor.getReturnType();
            if (Publisher.class.isAssignableFrom(type)) {
                operations++;
                twin(AffinityBlockingClient.class, accessor, missing);
            } else if (isResource(type)) {
                Method blockingAccessor = AffinityBlockingClient.class.getMethod(accessor.getName());
                for (Method operation : publicMethods(type)) {
                    operations++;
                    twin(blockingAccessor.getReturnType(), operation, missing);
                }
            }
        }
        assertTrue(missing.isEmpty(), "operations without a blocking twin:\n" + String.join("\n", missing));
        assertTrue(operations >= 59, "reactive operations found: " + operations);
        System.out.printf("blocking twins: %d/%d reactive operations%n", operations - missing.size(), operations);
    }

    @Test
    void noBlockingMethodReturnsAPublisher() {
        for (Method accessor : publicMethods(AffinityBlockingClient.class)) {
            if (accessor.getName().equals("reactive")) {
                continue; // the escape hatch to the reactive client
            }
            assertFalse(Publisher.class.isAssignableFrom(accessor.getReturnType()), accessor.toString());
            if (accessor.getReturnType().getPackageName().equals(AffinityBlockingClient.class.getPackageName())) {
                for (Method operation : publicMethods(accessor.getReturnType())) {
                    assertFalse(Publisher.class.isAssignableFrom(operation.getReturnType()), operation.toString());
                }
            }
        }
    }

    private static void twin(Class<?> blockingType, Method reactive, List<String> missing) {
        try {
            Method twin = blockingType.getMethod(reactive.getName(), reactive.getParameterTypes());
            assertEquals(reactive.getName(), twin.getName());
        } catch (NoSuchMethodException e) {
            missing.add(reactive.getDeclaringClass().getSimpleName() + "." + reactive.getName()
                    + Arrays.toString(reactive.getParameterTypes()));
        }
    }

    private static boolean isResource(Class<?> type) {
        return type.getPackageName().equals(AffinityClient.class.getPackageName())
                && Modifier.isFinal(type.getModifiers())
                && publicMethods(type).stream().anyMatch(m -> Publisher.class.isAssignableFrom(m.getReturnType()));
    }

    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .toList();
    }
}
