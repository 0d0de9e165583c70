package io.pdx.sandbox.engine.results;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The runner's one Arrow root allocator; each job and delivery takes a child with its own limit. */
@ApplicationScoped
public class ArrowAllocation {

    private final RootAllocator root = new RootAllocator(Long.MAX_VALUE);

    public BufferAllocator child(String name, long limit) {
        return root.newChildAllocator(name, 0, limit);
    }

    /** Bytes allocated and not yet released, across every job and delivery: 0 when nothing is running. */
    public long allocatedBytes() {
        return root.getAllocatedMemory();
    }

    @PreDestroy
    void close() {
        root.close();
    }
}
