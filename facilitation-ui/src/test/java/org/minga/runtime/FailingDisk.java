package org.minga.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * The disk under H2, as a test can make it fail: a data file named {@code failing-disk:/path} is
 * the real file, whose writes fail with "No space left on device" while {@link #full} is set,
 * exactly as they do when a laptop's disk fills up.
 */
public final class FailingDisk extends FilePathWrapper {

    static final String SCHEME = "failing-disk";
    private static volatile boolean full;

    /** Lets H2 open {@code jdbc:h2:failing-disk:…} URLs; harmless to call again. */
    static void install() {
        FilePath.register(new FailingDisk());
    }

    static void fill() {
        full = true;
    }

    static void freeSpace() {
        full = false;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    /** The real file's channel, refusing writes while the disk is full. */
    private static final class Channel extends FileBase {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        private static void refuseWhileFull() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            refuseWhileFull();
            return file.write(source);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            refuseWhileFull();
            return file.write(source, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            refuseWhileFull();
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            refuseWhileFull();
            file.force(metaData);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return file.read(destination);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return file.read(destination, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            file.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
