package dev.lrrecsys.workbench.explain;

import dev.lrrecsys.workbench.WorkbenchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Several servers of one API (Ollama or OpenAI-compatible) behind one {@link ChatBackend}: each endpoint has
 * {@code perEndpoint} request slots, a request takes the next free slot of any healthy endpoint (so the load
 * follows each server's pace), and an endpoint that cannot be reached, lacks the model, or fails
 * {@value #FAILURES_TO_SET_ASIDE} requests in a row is set aside for the rest of the run while its requests are
 * retried on the others. Only when every endpoint is set aside does a request fail as unreachable, which stops
 * the job with one line naming them.
 */
public final class EndpointPool implements ChatBackend {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointPool.class);
    static final int FAILURES_TO_SET_ASIDE = 3;

    private final List<ChatBackend> endpoints;
    private final List<String> urls;
    private final boolean[] setAside;
    private final String[] whySetAside;
    private final AtomicInteger[] failuresInARow;
    /** Free request slots, one entry (the endpoint's index) per slot. */
    private final LinkedBlockingQueue<Integer> slots = new LinkedBlockingQueue<>();

    public EndpointPool(List<String> urls, Function<String, ChatBackend> backendForUrl, int perEndpoint) {
        if (urls.isEmpty() || perEndpoint < 1) {
            throw new IllegalArgumentException("an endpoint pool needs endpoints and at least one slot each");
        }
        this.urls = List.copyOf(urls);
        this.endpoints = new ArrayList<>();
        for (String u : urls) {
            endpoints.add(backendForUrl.apply(u));
        }
        this.setAside = new boolean[urls.size()];
        this.whySetAside = new String[urls.size()];
        this.failuresInARow = new AtomicInteger[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            failuresInARow[i] = new AtomicInteger();
        }
        // Slots interleaved across endpoints, so that a burst of requests spreads over all of them.
        for (int s = 0; s < perEndpoint; s++) {
            for (int i = 0; i < urls.size(); i++) {
                slots.add(i);
            }
        }
    }

    /** Splits a comma-separated list of base URLs. */
    public static List<String> split(String urlList) {
        List<String> out = new ArrayList<>();
        for (String u : urlList.split(",")) {
            if (!u.isBlank()) {
                out.add(u.strip());
            }
        }
        return out;
    }

    public int size() {
        return endpoints.size();
    }

    /** The endpoints still in use. */
    public synchronized List<String> healthy() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            if (!setAside[i]) {
                out.add(urls.get(i));
            }
        }
        return out;
    }

    @Override
    public String generator() {
        return endpoints.get(0).generator();
    }

    @Override
    public String model() {
        return endpoints.get(0).model();
    }

    /** Checks every endpoint: the ones that fail are set aside (logged); fails only when none is usable. */
    @Override
    public void checkReady() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            try {
                endpoints.get(i).checkReady();
            } catch (WorkbenchException e) {
                setAside(i, e.getMessage());
                problems.add(e.getMessage());
            }
        }
        if (problems.size() == endpoints.size()) {
            throw new WorkbenchException("None of the " + endpoints.size() + " endpoints can be used: "
                    + String.join("; ", problems));
        }
        for (String p : problems) {
            LOG.warn("endpoint set aside: {}", p);
        }
    }

    @Override
    public String chat(String prompt) {
        RuntimeException last = null;
        while (true) {
            int i = takeSlot(last);
            ChatBackend e = endpoints.get(i);
            try {
                String text = e.chat(prompt);
                failuresInARow[i].set(0);
                slots.add(i);
                return text;
            } catch (RuntimeException ex) {
                last = ex;
                ChatFailure f = ChatFailure.of(ex);
                if (f == ChatFailure.UNREACHABLE || f == ChatFailure.UNKNOWN_MODEL) {
                    // This endpoint cannot answer at all: retry the request elsewhere at once.
                    setAside(i, f == ChatFailure.UNREACHABLE ? e.unreachableMessage() : e.unknownModelMessage());
                    continue;
                }
                if ((f == ChatFailure.TIMEOUT || f == ChatFailure.SERVER_ERROR)
                        && failuresInARow[i].incrementAndGet() >= FAILURES_TO_SET_ASIDE) {
                    setAside(i, urls.get(i) + " failed " + FAILURES_TO_SET_ASIDE + " requests in a row (" + ChatFailure.describe(ex) + ")");
                    continue;
                }
                slots.add(i);
                // The generator's retry policy tries again, on whichever endpoint has the next free slot.
                throw ex;
            }
        }
    }

    /** The next free slot of a healthy endpoint; throws {@code last} (or an unreachable failure) when none is left. */
    private int takeSlot(RuntimeException last) {
        while (true) {
            synchronized (this) {
                if (healthy().isEmpty()) {
                    throw last != null && ChatFailure.of(last) == ChatFailure.UNKNOWN_MODEL ? last
                            : new AllEndpointsDown(last);
                }
            }
            Integer i;
            try {
                i = slots.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkbenchException("Interrupted while waiting for a free endpoint", e);
            }
            if (i == null) {
                continue;
            }
            synchronized (this) {
                if (!setAside[i]) {
                    return i;
                }
            }
            // A slot of an endpoint set aside is dropped: that endpoint takes no more requests.
        }
    }

    private synchronized void setAside(int i, String why) {
        if (!setAside[i]) {
            setAside[i] = true;
            whySetAside[i] = why;
            LOG.warn("endpoint {} set aside: {}", urls.get(i), why);
        }
    }

    @Override
    public synchronized String unreachableMessage() {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            reasons.add(whySetAside[i] == null ? urls.get(i) : whySetAside[i]);
        }
        return "All " + urls.size() + " endpoints are down or set aside: " + String.join("; ", reasons);
    }

    @Override
    public String unknownModelMessage() {
        return "Model '" + model() + "' is not served by any of the " + urls.size() + " endpoints (" + String.join(", ", urls) + ")";
    }

    /** Every endpoint is set aside: classified as unreachable, so the job stops with {@link #unreachableMessage()}. */
    static final class AllEndpointsDown extends RuntimeException {
        AllEndpointsDown(Throwable last) {
            super(new java.net.ConnectException("all endpoints are set aside"));
            if (last != null) {
                addSuppressed(last);
            }
        }
    }
}
