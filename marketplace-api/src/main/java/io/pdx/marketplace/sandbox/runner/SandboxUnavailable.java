package io.pdx.marketplace.sandbox.runner;

import io.pdx.marketplace.problem.ProblemException;
import org.jboss.logging.Logger;

/** sandbox-runner could not be reached or failed unexpectedly: 503, nothing admitted, nothing charged. */
public final class SandboxUnavailable extends ProblemException {

    private static final Logger LOG = Logger.getLogger(SandboxUnavailable.class);

    public SandboxUnavailable(String why) {
        super(503, "sandbox-unavailable", "Sandbox unavailable / 沙箱不可用",
                "The sandbox runner is not available; nothing was run or charged. Try again later.");
        LOG.warnf("sandbox-runner unavailable: %s", why);
    }
}
