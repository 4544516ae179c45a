package io.affinity.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Every Java snippet of the README compiles against the SDK as it is, and a snippet that is a JUnit test class
 * also runs and passes.
 */
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = """
            import static org.junit.jupiter.api.Assertions.*;
            import io.affinity.client.AffinityClient;
            import io.affinity.client.blocking.AffinityBlockingClient;
            import io.affinity.client.paging.*;
            import io.affinity.client.query.*;
            import io.affinity.client.ratelimit.redis.*;
            import io.affinity.model.*;
            import io.affinity.testkit.*;
            import java.util.*;
            import org.junit.jupiter.api.*;
            import reactor.core.publisher.*;
            """;

    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            snippets.add(block.group(1));
        }
        assertTrue(snippets.size() >= 4, "Java snippets in the README: " + snippets.size());
        return Stream.iterate(0, i -> i + 1)
                .limit(snippets.size())
                .map(i -> DynamicTest.dynamicTest("README snippet " + (i + 1), () -> {
                    String className = compiles(i, snippets.get(i));
                    if (snippets.get(i).contains("@Test")) {
                        passes(className);
                    }
                }));
    }

    /** Runs a compiled test class of the README on the JUnit Platform and asserts that all its tests pass. */
    private void passes(String className) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> testClass = loader.loadClass(className);
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(DiscoverySelectors.selectClass(testClass))
                                    .build(),
                            summary);
            StringWriter failures = new StringWriter();
            summary.getSummary().printFailuresTo(new PrintWriter(failures), 20);
            assertTrue(summary.getSummary().getTestsSucceededCount() > 0, "no test ran in " + className);
            assertEquals(0, summary.getSummary().getTotalFailureCount(), failures.toString());
        }
    }

    /** Compiles a snippet, wrapped in a class unless it is one; returns the class name. */
    private String compiles(int index, String snippet) throws IOException {
        String className = "ReadmeSnippet" + index;
        String source = snippet.contains("class ")
                ? IMPORTS + snippet.replaceFirst("class \\w+", "class " + className)
                : IMPORTS + "class " + className + " {\n    void run() throws Exception {\n" + snippet + "\n    }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of(
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none");
            boolean ok = compiler.getTask(
                            null, files, diagnostics, options, null, List.of(new Source(className, source)))
                    .call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertTrue(ok, "README snippet " + (index + 1) + " does not compile:\n" + errors + "\n---\n" + source);
        }
        return className;
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(Path.of(className + ".java").toUri(), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
