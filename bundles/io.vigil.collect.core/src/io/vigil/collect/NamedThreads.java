package io.vigil.collect;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A thread factory that names its daemon threads after what they do, numbered from 1. */
public final class NamedThreads implements ThreadFactory {

	private final String prefix;
	private final AtomicInteger count = new AtomicInteger();

	/** Creates a factory whose threads are named {@code prefix 1}, {@code prefix 2}, ... */
	public NamedThreads(String prefix) {
		this.prefix = prefix;
	}

	@Override
	public Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable, prefix + " " + count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}
}
