package io.pdx.marketplace.product;

import io.pdx.contracts.product.ProductStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionHook;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * A cancelled registration (注销登记) delists its products: every LISTED product of any version of the resource is
 * withdrawn by the platform ({@link ProductTransition#DELIST}, audited, the reason saying why), in the cancellation's
 * transaction. Licenses granted keep their term.
 */
@ApplicationScoped
public class CancelledRegistrationDelisted implements TransitionHook {

    static final String ACTOR = "platform:registration";
    static final String REASON = "登记已注销 / the registration was cancelled";

    /** Lazily: the kernel runs this hook. */
    private final Instance<TransitionKernel> kernel;

    public CancelledRegistrationDelisted(Instance<TransitionKernel> kernel) {
        this.kernel = kernel;
    }

    @Override
    public boolean follows(Transition<?> transition) {
        return transition == RegistrationTransition.CANCEL;
    }

    @Override
    public Uni<Void> run(StatefulEntity<?> aggregate, Transition<?> transition) {
        Dataset dataset = (Dataset) aggregate;
        return Product.<Product>list("datasetId in (select d.id from Dataset d where d.lineageId = ?1) and status = ?2",
                        dataset.lineageId, ProductStatus.LISTED)
                .flatMap(products -> products.isEmpty() ? Uni.createFrom().voidItem()
                        : Multi.createFrom().iterable(products)
                                .onItem().transformToUniAndConcatenate(product -> kernel.get().runAsPlatform(ProductTransition.DELIST,
                                        ACTOR, null, product, Change.<Product>with(delisted -> delisted.withdrawalReason = REASON)))
                                .collect().last().replaceWithVoid());
    }
}
