package ci.fast.maven.booter.samples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.testng.ITestListener;
import org.testng.ITestResult;

/** A TestNG listener, as a suite file names one, that records the tests it saw succeed. */
public class NgRecordingListener implements ITestListener {
    public static final List<String> PASSED = new CopyOnWriteArrayList<>();

    @Override
    public void onTestSuccess(ITestResult result) {
        PASSED.add(result.getMethod().getMethodName());
    }
}
