package ci.fast.maven.booter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads {@link ForkEvent}s as tagged binary records; the same code runs on both ends of the socket. */
public final class ForkEventCodec {
    private static final int JOINED = 1;
    private static final int BATCH = 2;
    private static final int CLASS_STARTED = 3;
    private static final int OUTPUT = 4;
    private static final int TEST_FINISHED = 5;
    private static final int CLASS_FINISHED = 6;
    private static final int NODE_ENDED = 7;
    private static final int TEST_RERUN = 8;
    private static final int SYSTEM_PROPERTIES = 9;
    private static final int SET_STARTED = 10;
    private static final int SET_FINISHED = 11;
    private static final int RECONNECTED = 20;
    private static final int NAMED = 21;

    private ForkEventCodec() {}

    /** Writes one event; the caller serializes writers and flushes. */
    public static void write(DataOutputStream out, ForkEvent event) throws IOException {
        if (event instanceof ForkEvent.Reconnected) {
            out.writeByte(RECONNECTED);
        } else if (event instanceof ForkEvent.Named e) {
            out.writeByte(NAMED);
            string(out, e.token());
        } else if (event instanceof ForkEvent.Joined e) {
            out.writeByte(JOINED);
            out.writeInt(e.nodeIndex());
        } else if (event instanceof ForkEvent.Batch e) {
            out.writeByte(BATCH);
            out.writeInt(e.classes().size());
            for (String key : e.classes()) {
                string(out, key);
            }
        } else if (event instanceof ForkEvent.ClassStarted e) {
            out.writeByte(CLASS_STARTED);
            string(out, e.key());
        } else if (event instanceof ForkEvent.SetStarted e) {
            out.writeByte(SET_STARTED);
            string(out, e.key());
            string(out, e.name());
        } else if (event instanceof ForkEvent.SetFinished e) {
            out.writeByte(SET_FINISHED);
            string(out, e.key());
            string(out, e.name());
            string(out, e.className());
            string(out, e.chainedName());
            out.writeDouble(e.seconds());
        } else if (event instanceof ForkEvent.Output e) {
            out.writeByte(OUTPUT);
            string(out, e.key());
            string(out, e.test());
            out.writeBoolean(e.stderr());
            out.writeInt(e.bytes().length);
            out.write(e.bytes());
        } else if (event instanceof ForkEvent.TestFinished e) {
            out.writeByte(TEST_FINISHED);
            string(out, e.key());
            string(out, e.test());
            outcome(out, e.outcome());
        } else if (event instanceof ForkEvent.TestRerun e) {
            out.writeByte(TEST_RERUN);
            string(out, e.key());
            string(out, e.test());
            outcome(out, e.outcome());
        } else if (event instanceof ForkEvent.SystemProperties e) {
            out.writeByte(SYSTEM_PROPERTIES);
            string(out, e.key());
            out.writeInt(e.properties().size());
            for (Map.Entry<String, String> p : e.properties().entrySet()) {
                string(out, p.getKey());
                string(out, p.getValue());
            }
        } else if (event instanceof ForkEvent.ClassFinished e) {
            out.writeByte(CLASS_FINISHED);
            string(out, e.key());
            out.writeDouble(e.seconds());
            string(out, e.context());
            out.writeInt(e.methods().size());
            for (Map.Entry<String, Double> method : e.methods().entrySet()) {
                string(out, method.getKey());
                out.writeDouble(method.getValue());
            }
        } else if (event instanceof ForkEvent.NodeEnded e) {
            out.writeByte(NODE_ENDED);
            string(out, e.failure());
        }
    }

    /** Reads one event, or returns null at the end of the stream. */
    public static ForkEvent read(DataInputStream in) throws IOException {
        int tag;
        try {
            tag = in.readUnsignedByte();
        } catch (EOFException e) {
            return null;
        }
        return switch (tag) {
            case JOINED -> new ForkEvent.Joined(in.readInt());
            case RECONNECTED -> new ForkEvent.Reconnected();
            case NAMED -> new ForkEvent.Named(string(in));
            case BATCH -> {
                int size = in.readInt();
                List<String> classes = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    classes.add(string(in));
                }
                yield new ForkEvent.Batch(classes);
            }
            case CLASS_STARTED -> new ForkEvent.ClassStarted(string(in));
            case SET_STARTED -> new ForkEvent.SetStarted(string(in), string(in));
            case SET_FINISHED ->
                new ForkEvent.SetFinished(string(in), string(in), string(in), string(in), in.readDouble());
            case OUTPUT -> {
                String key = string(in);
                String test = string(in);
                boolean stderr = in.readBoolean();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield new ForkEvent.Output(key, test, stderr, bytes);
            }
            case TEST_FINISHED -> new ForkEvent.TestFinished(string(in), string(in), outcome(in));
            case TEST_RERUN -> new ForkEvent.TestRerun(string(in), string(in), outcome(in));
            case SYSTEM_PROPERTIES -> {
                String key = string(in);
                int size = in.readInt();
                Map<String, String> properties = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    properties.put(string(in), string(in));
                }
                yield new ForkEvent.SystemProperties(key, properties);
            }
            case CLASS_FINISHED -> {
                String key = string(in);
                double seconds = in.readDouble();
                String context = string(in);
                int size = in.readInt();
                Map<String, Double> methods = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    methods.put(string(in), in.readDouble());
                }
                yield new ForkEvent.ClassFinished(key, seconds, context, methods);
            }
            case NODE_ENDED -> new ForkEvent.NodeEnded(string(in));
            default -> throw new IOException("unknown fork event tag " + tag);
        };
    }

    private static void outcome(DataOutputStream out, TestOutcome t) throws IOException {
        string(out, t.name());
        string(out, t.wireName());
        string(out, t.reportClass());
        string(out, t.status());
        out.writeDouble(t.seconds());
        string(out, t.failureType());
        string(out, t.failureMessage());
        string(out, t.stackTrace());
        string(out, t.skipReason());
        string(out, t.classDisplayName());
        out.writeLong(t.startedAt());
        string(out, t.phrasedName());
        string(out, t.problemLine());
    }

    private static TestOutcome outcome(DataInputStream in) throws IOException {
        // Arguments are evaluated left to right: the fields are read in the order they were written.
        return new TestOutcome(
                string(in),
                string(in),
                string(in),
                string(in),
                in.readDouble(),
                string(in),
                string(in),
                string(in),
                string(in),
                string(in),
                in.readLong(),
                string(in),
                string(in));
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
