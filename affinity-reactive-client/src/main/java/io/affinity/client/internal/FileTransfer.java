package io.affinity.client.internal;

import io.affinity.client.internal.check.Args;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Moves file bytes without blocking a non-blocking thread: reads happen on a bounded elastic thread, writes
 * through an {@link AsynchronousFileChannel}, and opening, closing and moving files on a bounded elastic thread.
 * Internal API.
 */
public final class FileTransfer {

    private static final int CHUNK_SIZE = 64 * 1024;

    private FileTransfer() {}

    /**
     * Checks that a file can be uploaded and reads its size, on a bounded elastic thread.
     *
     * @param name the parameter name used in the error
     * @param file the file
     * @return its size; fails with {@link IllegalArgumentException} naming the parameter when it is not a
     *         readable regular file
     */
    public static Mono<Long> sizeOf(String name, Path file) {
        return Mono.fromCallable(() -> {
                    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                        throw new IllegalArgumentException(name + " is not a readable file: " + file);
                    }
                    return Files.size(file);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Reads a file in chunks as they are requested.
     *
     * @param file the file
     * @param size the size it had when the call was prepared; reading fails when the file is now shorter or longer
     * @return the chunks
     */
    static Flux<ByteBuf> read(Path file, long size) {
        return Flux.using(
                        () -> FileChannel.open(file, StandardOpenOption.READ),
                        channel -> Flux.<ByteBuf, AtomicLong>generate(AtomicLong::new, (position, sink) -> {
                            try {
                                long left = size - position.get();
                                ByteBuffer chunk = ByteBuffer.allocate((int) Math.max(1, Math.min(CHUNK_SIZE, left)));
                                int read = channel.read(chunk);
                                if (left == 0) {
                                    if (read > 0) {
                                        throw new IOException("the file grew while it was being uploaded: " + file);
                                    }
                                    sink.complete();
                                } else if (read < 0) {
                                    throw new IOException("the file shrank while it was being uploaded: " + file);
                                } else {
                                    position.addAndGet(read);
                                    sink.next(Unpooled.wrappedBuffer(chunk.flip()));
                                }
                            } catch (IOException e) {
                                sink.error(new UncheckedIOException("could not read the file to upload " + file, e));
                            }
                            return position;
                        }),
                        channel -> {
                            try {
                                channel.close();
                            } catch (IOException ignored) {
                                // nothing was written through it
                            }
                        })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Writes buffers to a file: first to a temporary file next to it, moved over the target once every buffer is
     * written, so that the target is either complete or untouched. The temporary file is deleted on failure or
     * cancellation.
     *
     * @param content the bytes, subscribed once the temporary file exists, requested one buffer at a time
     * @param name    the parameter name of the target, used in errors
     * @param target  the file to write
     * @return the target, once written; fails with {@link IllegalArgumentException} naming the parameter, before
     *         subscribing to the content, when the target's directory does not exist or the target is a directory
     */
    public static Mono<Path> write(Flux<ByteBuffer> content, String name, Path target) {
        Path absolute = target.toAbsolutePath();
        return Mono.usingWhen(
                Mono.fromCallable(() -> {
                            Args.check(
                                    absolute.getParent() != null && Files.isDirectory(absolute.getParent()),
                                    name,
                                    "must be in an existing directory: " + target);
                            Args.check(!Files.isDirectory(absolute), name, "must not be a directory: " + target);
                            return TempFile.create(absolute);
                        })
                        .subscribeOn(Schedulers.boundedElastic()),
                temp -> content.concatMap(buffer -> temp.write(buffer), 1)
                        .then(Mono.fromCallable(() -> temp.moveTo(absolute)).subscribeOn(Schedulers.boundedElastic())),
                temp -> Mono.fromRunnable(temp::closeAndDelete).subscribeOn(Schedulers.boundedElastic()),
                (temp, failure) -> Mono.fromRunnable(temp::closeAndDelete).subscribeOn(Schedulers.boundedElastic()),
                temp -> Mono.fromRunnable(temp::closeAndDelete).subscribeOn(Schedulers.boundedElastic()));
    }

    /** A temporary file being written at increasing positions. */
    private static final class TempFile {

        private final Path path;
        private final AsynchronousFileChannel channel;
        private final AtomicLong position = new AtomicLong();

        private TempFile(Path path, AsynchronousFileChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        static TempFile create(Path target) throws IOException {
            Path directory = target.getParent();
            Path path = Files.createFile(directory.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part"));
            try {
                return new TempFile(path, AsynchronousFileChannel.open(path, StandardOpenOption.WRITE));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(path);
                throw e;
            }
        }

        Mono<Void> write(ByteBuffer buffer) {
            return Mono.create(sink ->
                    channel.write(buffer, position.get(), null, new CompletionHandler<Integer, Void>() {
                        @Override
                        public void completed(Integer written, Void attachment) {
                            position.addAndGet(written);
                            if (buffer.hasRemaining()) {
                                channel.write(buffer, position.get(), null, this);
                            } else {
                                sink.success();
                            }
                        }

                        @Override
                        public void failed(Throwable failure, Void attachment) {
                            sink.error(new UncheckedIOException(
                                    "could not write " + path,
                                    failure instanceof IOException io ? io : new IOException(failure)));
                        }
                    }));
        }

        Path moveTo(Path target) throws IOException {
            channel.force(false);
            channel.close();
            try {
                Files.move(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }

        /** After a successful move there is nothing left to delete. */
        void closeAndDelete() {
            try {
                channel.close();
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the temporary file " + path, e);
            }
        }
    }
}
