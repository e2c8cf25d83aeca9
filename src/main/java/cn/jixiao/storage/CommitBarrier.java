package cn.jixiao.storage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for acknowledgements: a request whose transactions have committed takes a ticket and waits until a
 * write of the database file that began after its ticket has finished. One write serves every request that took its
 * ticket before the write began, so under load many acknowledgements share one write; alone, a request waits for one.
 */
final class CommitBarrier {

    /** Writes the database's committed changes to its file. */
    interface Writer {
        void writeCommitted();
    }

    private final Writer writer;
    private final AtomicLong tickets = new AtomicLong();
    private final Object lock = new Object();
    private long written;

    CommitBarrier(Writer writer) {
        this.writer = writer;
    }

    /** Returns once everything committed before this call is in the database file. */
    void awaitWritten() {
        long ticket = tickets.incrementAndGet();
        synchronized (lock) {
            if (written >= ticket) {
                return; // a write that began after our ticket has finished
            }
            long upTo = tickets.get();
            writer.writeCommitted();
            written = upTo;
        }
    }
}
