package cn.jixiao.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommitBarrierTest {

    @Test
    void aLoneRequestWaitsForAWriteOfItsOwn() {
        AtomicInteger writes = new AtomicInteger();
        CommitBarrier barrier = new CommitBarrier(writes::incrementAndGet);
        barrier.awaitWritten();
        barrier.awaitWritten();
        assertThat(writes).hasValue(2);
    }

    @Test
    void everyRequestReturnsOnlyAfterAWriteThatBeganAfterItArrived() throws Exception {
        AtomicLong writeStarted = new AtomicLong();
        AtomicInteger writes = new AtomicInteger();
        CommitBarrier barrier = new CommitBarrier(() -> {
            writeStarted.set(System.nanoTime());
            writes.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int k = 0; k < 10; k++) {
                        long arrived = System.nanoTime();
                        barrier.awaitWritten();
                        if (writeStarted.get() < arrived) {
                            broken.add("returned on a write that began before it arrived");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            all.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertThat(broken).isEmpty();
        assertThat(writes.get()).as("writes shared between waiting requests").isLessThan(threads * 10);
    }
}
