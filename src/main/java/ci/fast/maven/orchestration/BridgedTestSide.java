package ci.fast.maven.orchestration;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link TestSide} made of JDK functional interfaces handed over from the tests' class loader: {@code run} is
 * a {@code Function<List<String>, Map>}, {@code joined} a {@code Consumer<Integer>} and
 * {@code batchReceived} a {@code Consumer<List<String>>}.
 */
final class BridgedTestSide implements TestSide {
    private final Map<String, Object> functions;

    BridgedTestSide(Map<String, Object> functions) {
        this.functions = functions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, List<Map<String, Object>>> run(List<String> batch) {
        return ((Function<List<String>, Map<String, List<Map<String, Object>>>>) functions.get("run")).apply(batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void joined(int nodeIndex) {
        ((Consumer<Integer>) functions.get("joined")).accept(nodeIndex);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void batchReceived(List<String> batch) {
        ((Consumer<List<String>>) functions.get("batchReceived")).accept(batch);
    }
}
