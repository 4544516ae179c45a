package io.affinity.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.affinity.model.json.AffinityJson;
import io.affinity.model.wire.ListEntriesPage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time (and bytes allocated) to decode one 500-entry list-entries page ({@link ListEntryJson}, the shape of
 * {@code spec/examples/getListEntries-paginated.json}) into {@link ListEntriesPage}, on one thread, no I/O:
 * <ol>
 *   <li>the 01fb521 decoding: {@link Json01fb521} (that commit's mapper and date reader: Jackson's bean
 *       deserializers through the Immutables builders' {@code Json} classes) from a byte array, the baseline the
 *       raw loop of the other benchmarks uses too;</li>
 *   <li>the SDK's mapper ({@link AffinityJson#newObjectMapper()}, the generated readers) from a byte array;</li>
 *   <li>the client's whole path from the network buffers: copy the 8 KiB chunks into one array, then decode;</li>
 *   <li>the same buffers decoded in place through a {@link ByteBufInputStream}, without that copy;</li>
 *   <li>the byte-level reader ({@link AffinityJson#readValue}, the client's decoding since issue 17) from a byte
 *       array.</li>
 * </ol>
 * Each round runs every variant for {@code bench.decode.pages} pages in a rotating order and takes the thread's
 * CPU time ({@code ThreadMXBean}); ratios are paired per round against the 01fb521 decoding.
 *
 * <p>{@code java -cp benchmarks.jar io.affinity.benchmarks.DecodeBenchmark VARIANT PAGES} decodes one variant
 * only, for an instruction counter such as {@code valgrind --tool=callgrind} run at two page counts.
 */
final class DecodeBenchmark {

    private static final int ENTRIES = 500;
    private static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup", 10);
    private static final int MEASURED_ROUNDS = Integer.getInteger("bench.rounds", 20);
    private static final int PAGES_PER_ROUND = Integer.getInteger("bench.decode.pages", 200);
    /** The receive buffer size Reactor Netty reads a body in, about. */
    private static final int CHUNK = 8 * 1024;

    private interface Decoder {
        ListEntriesPage decode() throws IOException;
    }

    private record Variant(String name, Decoder decoder) {}

    private final byte[] bytes;
    private final CompositeByteBuf chunks;
    private final List<Variant> variants;

    DecodeBenchmark() {
        ByteBuf page = ListEntryJson.page(UnpooledByteBufAllocator.DEFAULT, 450, 0, ENTRIES, 1_000_000);
        bytes = ByteBufUtil.getBytes(page);
        page.release();
        chunks = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            chunks.addComponent(true, Unpooled.wrappedBuffer(bytes, offset, Math.min(CHUNK, bytes.length - offset)));
        }
        ObjectReader reflective = Json01fb521.newObjectMapper().readerFor(ListEntriesPage.class);
        ObjectMapper sdkMapper = AffinityJson.newObjectMapper();
        ObjectReader sdk = sdkMapper.readerFor(ListEntriesPage.class);
        JavaType pageType = sdkMapper.constructType(ListEntriesPage.class);
        variants = List.of(
                new Variant("01fb521: reflective builders, byte[]", () -> reflective.readValue(bytes)),
                new Variant("generated readers, byte[]", () -> sdk.readValue(bytes)),
                new Variant("generated readers, copy chunks + byte[]", () -> sdk.readValue(copy(chunks))),
                new Variant("generated readers, ByteBufInputStream", () -> {
                    chunks.readerIndex(0);
                    return sdk.readValue((InputStream) new ByteBufInputStream(chunks));
                }),
                new Variant("byte-level reader, byte[]", () -> AffinityJson.readValue(sdkMapper, bytes, pageType)));
    }

    /** Copies the chunks as the client's body buffer does: one array of the declared length. */
    private static byte[] copy(CompositeByteBuf chunks) {
        byte[] whole = new byte[chunks.capacity()];
        int size = 0;
        for (int i = 0; i < chunks.numComponents(); i++) {
            ByteBuf chunk = chunks.component(i);
            int length = chunk.readableBytes();
            chunk.getBytes(chunk.readerIndex(), whole, size, length);
            size += length;
        }
        return whole;
    }

    List<String> run() {
        System.out.printf(
                "%n# Decode: one %,d-byte page of %d list entries (%d warm-up + %d measured rounds of %d pages)%n",
                bytes.length, ENTRIES, WARMUP_ROUNDS, MEASURED_ROUNDS, PAGES_PER_ROUND);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[variants.size()][MEASURED_ROUNDS];
        double[][] allocated = new double[variants.size()][MEASURED_ROUNDS];
        for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
            boolean measured = round >= WARMUP_ROUNDS;
            StringBuilder line = new StringBuilder(
                            measured ? "round " + (round - WARMUP_ROUNDS + 1) : "warm-up " + (round + 1))
                    .append(':');
            for (int k = 0; k < variants.size(); k++) {
                int v = (round + k) % variants.size();
                long startCpu = threads.getCurrentThreadCpuTime();
                long startBytes = threads.getCurrentThreadAllocatedBytes();
                decode(variants.get(v), PAGES_PER_ROUND);
                double cpuPerPage = (double) (threads.getCurrentThreadCpuTime() - startCpu) / PAGES_PER_ROUND;
                double bytesPerPage =
                        (double) (threads.getCurrentThreadAllocatedBytes() - startBytes) / PAGES_PER_ROUND;
                if (measured) {
                    cpu[v][round - WARMUP_ROUNDS] = cpuPerPage;
                    allocated[v][round - WARMUP_ROUNDS] = bytesPerPage;
                }
                line.append(String.format("  v%d %,.0f µs", v + 1, cpuPerPage / 1000));
            }
            System.out.println(line);
        }
        List<String> rows = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            Stats time = Stats.of(cpu[v]);
            Stats bytesAllocated = Stats.of(allocated[v]);
            double[] paired = new double[MEASURED_ROUNDS];
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                paired[i] = cpu[v][i] / cpu[0][i];
            }
            Stats ratio = Stats.of(paired);
            String name = "v" + (v + 1) + " " + variants.get(v).name();
            System.out.println(name + ": CPU ns/page " + time.spread("%,.0f") + "; bytes allocated/page "
                    + bytesAllocated.spread("%,.0f") + "; / v1 per round " + ratio.spread("%.3f"));
            rows.add(ThroughputBenchmark.row(
                    "5. decode, " + name,
                    String.format("%,.0f µs CPU/page, %.3f × v1 (medians)", time.median() / 1000, ratio.median()),
                    v == 1 || v == 4 ? "≤ 0.6 × v1" : "",
                    "paired per round: " + ratio.spread("%.3f") + "; " + String.format("%,.0f", bytesAllocated.median())
                            + " bytes allocated/page"));
        }
        return rows;
    }

    private void decode(Variant variant, int pages) {
        long ids = 0;
        try {
            for (int i = 0; i < pages; i++) {
                ids += variant.decoder().decode().listEntries().get(ENTRIES - 1).id();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (ids != pages * (1_000_000L + ENTRIES - 1)) {
            throw new IllegalStateException(variant.name() + " decoded the wrong entries");
        }
    }

    /** Decodes one variant ({@code args[0]}, 1-based) {@code args[1]} times, for an instruction counter. */
    public static void main(String[] args) {
        DecodeBenchmark benchmark = new DecodeBenchmark();
        benchmark.decode(benchmark.variants.get(Integer.parseInt(args[0]) - 1), Integer.parseInt(args[1]));
    }
}
