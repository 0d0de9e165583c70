package io.pdx.sandbox.engine.results;

import io.pdx.sandbox.data.DataFolder;
import io.pdx.sandbox.privacy.EntitySetIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.roaringbitmap.longlong.Roaring64Bitmap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * The entity sets of the groups each organization received as exact results, per (organization, dataset, period),
 * for the differencing check: one append-only file per key in {@code differencing/} beside the results, named by the
 * SHA-256 of the key (no organization or alias in a file name), each entry a portable Roaring64Bitmap of 64-bit entity
 * hashes with its length and CRC-32. They never leave the runner.
 *
 * <p>A run {@linkplain #open opens} the keys of the datasets it reads, holding each key's lock from the check until it
 * {@linkplain Session#append appended} what it released (sorted, so two runs never wait on each other in a cycle); a
 * key's sets are read once and kept in memory. A file that cannot be read, or one whose complete entry fails its CRC,
 * fails the run before it reads data (fail closed). An entry cut short at the end is a run that died while appending,
 * before it stored its result: it is dropped and the file cut back to its last whole entry.
 */
@ApplicationScoped
public class ReleasedEntitySets {

    private static final byte[] MAGIC = "PDXDIFF1".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    @Inject
    public ReleasedEntitySets(DataFolder data) throws IOException {
        this(data.resultsFolder().resolve("differencing"));
    }

    public ReleasedEntitySets(Path folder) throws IOException {
        this.folder = folder;
        Files.createDirectories(folder);
    }

    /** One key's state: its lock, and its sets once read (null until then, and after an append failed). */
    private static final class Key {
        final ReentrantLock lock = new ReentrantLock();
        final String name;
        EntitySetIndex index;
        long validLength;

        Key(String name) {
            this.name = name;
        }
    }

    /**
     * Opens the sets of {@code organization} for each dataset (its key: the lineage, else the alias; in the statement's order) in {@code period},
     * waiting at most {@code wait} for each lock.
     *
     * @throws IOException a store that cannot be read, or a lock not had in time: nothing may be released unchecked
     */
    public Session open(String organization, String period, List<String> aliases, Duration wait) throws IOException {
        List<Key> opened = new ArrayList<>();
        for (String alias : aliases) {
            String name = fileName(organization, alias, period);
            opened.add(keys.computeIfAbsent(name, Key::new));
        }
        List<Key> ordered = opened.stream().distinct().sorted((a, b) -> a.name.compareTo(b.name)).toList();
        List<Key> locked = new ArrayList<>();
        try {
            for (Key key : ordered) {
                if (!key.lock.tryLock(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
                    throw new IOException("differencing store busy");
                }
                locked.add(key);
                if (key.index == null) {
                    load(key);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            unlock(locked);
            throw new IOException("interrupted", interrupted);
        } catch (IOException | RuntimeException failed) {
            unlock(locked);
            throw failed;
        }
        return new Session(opened, locked);
    }

    /** The sets of a run's datasets while it holds their locks. */
    public final class Session implements AutoCloseable {

        private final List<Key> opened;
        private final List<Key> locked;
        private boolean appended;

        private Session(List<Key> opened, List<Key> locked) {
            this.opened = opened;
            this.locked = locked;
        }

        /** Per dataset (in the order opened), the sets already released; the check adds the run's to them. */
        public List<EntitySetIndex> indexes() {
            return opened.stream().map(key -> key.index).toList();
        }

        /**
         * Persists the sets a run released, per dataset in the order opened (forced to disk). Call before the result is
         * stored: a failure here must keep the result back.
         */
        public void append(List<List<Roaring64Bitmap>> released) throws IOException {
            if (released.size() != opened.size()) {
                throw new IllegalArgumentException("one list of sets per dataset");
            }
            for (int i = 0; i < opened.size(); i++) {
                Key key = opened.get(i);
                if (!released.get(i).isEmpty()) {
                    key.validLength = write(key, released.get(i));
                }
            }
            appended = true;
        }

        /**
         * Releases the locks. A session closed without {@link #append} drops the keys' sets from memory (the check
         * may have added sets that were never persisted): the next run reads them from the files again.
         */
        @Override
        public void close() {
            if (!appended) {
                for (Key key : locked) {
                    key.index = null;
                }
            }
            unlock(locked);
        }
    }

    private static void unlock(List<Key> locked) {
        for (Key key : locked) {
            key.lock.unlock();
        }
    }

    private void load(Key key) throws IOException {
        Path file = folder.resolve(key.name);
        EntitySetIndex index = new EntitySetIndex();
        if (!Files.exists(file)) {
            key.index = index;
            key.validLength = 0;
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException("not a differencing store");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.position(MAGIC.length);
        long valid = MAGIC.length;
        while (buffer.remaining() > 0) {
            if (buffer.remaining() < Integer.BYTES) {
                break;
            }
            int length = buffer.getInt();
            if (length < 0) {
                throw new IOException("corrupt differencing store");
            }
            if (buffer.remaining() < (long) length + Long.BYTES) {
                break; // cut short: a run that died appending, before its result was stored
            }
            byte[] entry = new byte[length];
            buffer.get(entry);
            long crc = buffer.getLong();
            if (crc(entry) != crc) {
                throw new IOException("corrupt differencing store");
            }
            Roaring64Bitmap set = new Roaring64Bitmap();
            set.deserializePortable(new DataInputStream(new ByteArrayInputStream(entry)));
            index.add(set);
            valid = buffer.position();
        }
        key.index = index;
        key.validLength = valid;
    }

    private long write(Key key, List<Roaring64Bitmap> sets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        if (key.validLength == 0) {
            data.write(MAGIC);
        }
        for (Roaring64Bitmap set : sets) {
            ByteArrayOutputStream entry = new ByteArrayOutputStream();
            set.serializePortable(new DataOutputStream(entry));
            byte[] bytes = entry.toByteArray();
            data.writeInt(bytes.length);
            data.write(bytes);
            data.writeLong(crc(bytes));
        }
        data.flush();
        try (FileChannel channel = FileChannel.open(folder.resolve(key.name), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(key.validLength);
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            long position = key.validLength;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
            return position;
        } catch (IOException failed) {
            key.index = null; // read again from what the file holds
            throw failed;
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** SHA-256 of the key, hex: a file name that tells nothing of the organization or dataset. */
    static String fileName(String organization, String alias, String period) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(organization, alias, period)) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest()) + ".sets";
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", missing);
        }
    }
}
