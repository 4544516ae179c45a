package io.affinity.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the example requests of the reference markdown: every {@code curl} with {@code -d} or {@code -F}. */
final class ReferenceRequests {

    private static final String BASE_URL = "https://api.affinity.co";

    private ReferenceRequests() {}

    /**
     * An example request as curl would send it.
     *
     * @param line the reference's line of the first {@code -d} or {@code -F}
     * @param method the method ({@code -X}, else POST as curl does with data)
     * @param pathAndQuery the URL without the base
     * @param contentType the {@code Content-Type} header given, else what curl sends with {@code -d} or {@code -F}
     * @param data the {@code -d} values, joined with {@code &} by curl
     * @param form the {@code -F} parts, {@code name=value} or {@code name=@file}
     */
    record Example(
            int line, String method, String pathAndQuery, String contentType, List<String> data, List<String> form) {

        /** The body curl sends: the data joined with {@code &}, or a multipart body with the given boundary. */
        String body(String boundary) {
            if (form.isEmpty()) {
                return String.join("&", data);
            }
            StringBuilder body = new StringBuilder();
            for (String part : form) {
                int eq = part.indexOf('=');
                String name = part.substring(0, eq);
                String value = part.substring(eq + 1);
                body.append("--")
                        .append(boundary)
                        .append("\r\n")
                        .append("Content-Disposition: form-data; name=\"")
                        .append(name)
                        .append('"');
                if (value.startsWith("@")) {
                    body.append("; filename=\"")
                            .append(value.substring(1))
                            .append("\"\r\nContent-Type: text/plain\r\n\r\n")
                            .append("contents of ")
                            .append(value.substring(1))
                            .append("\r\n");
                } else {
                    body.append("\r\n\r\n").append(value).append("\r\n");
                }
            }
            return body.append("--").append(boundary).append("--\r\n").toString();
        }

        /** The content type with the boundary a multipart body needs. */
        String contentType(String boundary) {
            return contentType.startsWith("multipart/") ? contentType + "; boundary=" + boundary : contentType;
        }
    }

    /** Every curl of the markdown that sends data, in order. */
    static List<Example> parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).stripLeading().startsWith("curl ")) {
                continue;
            }
            StringBuilder command = new StringBuilder();
            List<Integer> lineOfOffset = new ArrayList<>();
            int j = i;
            while (true) {
                String line = lines.get(j);
                boolean continued = line.endsWith("\\");
                String text = continued ? line.substring(0, line.length() - 1) : line;
                for (int k = 0; k <= text.length(); k++) {
                    lineOfOffset.add(j + 1);
                }
                command.append(text).append(' ');
                if (!continued || j + 1 >= lines.size()) {
                    break;
                }
                j++;
            }
            Example example = example(command.toString(), lineOfOffset);
            if (example != null) {
                examples.add(example);
            }
            i = j;
        }
        return examples;
    }

    private static Example example(String command, List<Integer> lineOfOffset) {
        List<String> tokens = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        tokenize(command, tokens, starts);
        String method = null;
        String url = null;
        String contentType = null;
        List<String> data = new ArrayList<>();
        List<String> form = new ArrayList<>();
        int line = -1;
        for (int t = 1; t < tokens.size(); t++) {
            String token = tokens.get(t);
            switch (token) {
                case "-X" -> method = tokens.get(++t).toUpperCase(Locale.ROOT);
                case "-u" -> t++;
                case "-H" -> {
                    String header = tokens.get(++t);
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                        contentType = header.substring("content-type:".length()).trim();
                    }
                }
                case "-d", "-F" -> {
                    line = line < 0 ? lineOfOffset.get(Math.min(starts.get(t), lineOfOffset.size() - 1)) : line;
                    (token.equals("-d") ? data : form).add(tokens.get(++t));
                }
                default -> {
                    if (url == null && token.startsWith(BASE_URL)) {
                        url = token.substring(BASE_URL.length());
                    }
                }
            }
        }
        if (data.isEmpty() && form.isEmpty()) {
            return null;
        }
        if (contentType == null) {
            contentType = form.isEmpty() ? "application/x-www-form-urlencoded" : "multipart/form-data";
        }
        return new Example(
                line, method == null ? "POST" : method, url, contentType, List.copyOf(data), List.copyOf(form));
    }

    /** Splits a command line as a POSIX shell would, for the quoting the reference uses. */
    private static void tokenize(String command, List<String> tokens, List<Integer> starts) {
        StringBuilder current = null;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                if (current == null) {
                    current = new StringBuilder();
                    start = i;
                }
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (current != null) {
                    tokens.add(current.toString());
                    starts.add(start);
                    current = null;
                }
            } else {
                if (current == null) {
                    current = new StringBuilder();
                    start = i;
                }
                current.append(c);
            }
        }
        if (current != null) {
            tokens.add(current.toString());
            starts.add(start);
        }
    }
}
