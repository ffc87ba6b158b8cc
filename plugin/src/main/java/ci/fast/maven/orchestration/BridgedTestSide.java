package ci.fast.maven.orchestration;

import ci.fast.maven.booter.NodeBridge;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link TestSide} made of JDK functional interfaces handed over from the tests' class loader, under the keys of
 * {@link NodeBridge}: {@code run} is a {@code Function<List<String>, Map>}, {@code joined} a {@code Consumer<Integer>}
 * {@code batchReceived} a {@code Consumer<List<String>>} and {@code reconnected} a {@code Runnable}.
 */
final class BridgedTestSide implements TestSide {
    private final Map<String, Object> functions;

    BridgedTestSide(Map<String, Object> functions) {
        this.functions = functions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, List<Map<String, Object>>> run(List<String> batch) {
        return ((Function<List<String>, Map<String, List<Map<String, Object>>>>) functions.get(NodeBridge.RUN))
                .apply(batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void joined(int nodeIndex) {
        ((Consumer<Integer>) functions.get(NodeBridge.JOINED)).accept(nodeIndex);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void batchReceived(List<String> batch) {
        ((Consumer<List<String>>) functions.get(NodeBridge.BATCH_RECEIVED)).accept(batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void named(String token) {
        ((Consumer<String>) functions.get(NodeBridge.NAMED)).accept(token);
    }

    @Override
    public void reconnected() {
        ((Runnable) functions.get(NodeBridge.RECONNECTED)).run();
    }
}
