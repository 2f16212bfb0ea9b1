package dev.nnsh.nn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicLong;

import dev.nnsh.tensor.NativeBuffers;
import dev.nnsh.tensor.Tensor;

/**
 * Frees a {@link Sequential}'s intermediates as soon as they are provably dead, instead of waiting for
 * the collector: the output of child i once child i+1 has returned a different tensor that does not
 * share its memory. Proof needs every one of these: both children (and all their descendants) are
 * nnsh's own classes of {@code dev.nnsh.nn} or {@code dev.nnsh.models} (and its sub-packages) that keep no tensor in a field
 * (so none keeps its input or returns something it keeps; a user's subclass or module never counts);
 * the intermediate is not the Sequential's input and shares no memory with it; no observer that may
 * keep tensors is installed (a summary's recorder); and the tensor is one whole pooled buffer
 * ({@link NativeBuffers#release} checks). A tensor freed that is used anyway throws, naming who freed it.
 * {@code -Dnnsh.memory.release=off} or {@link #setEnabled} turns it off. A block with its own forward
 * (the zoo's) can use the same proof: {@code var r = IntermediateRelease.start(this, x);} and then
 * {@code y = r.after(conv1, x, conv1.apply(x))} for each child call whose input is the previous one's output.
 */
public final class IntermediateRelease {
    private static volatile boolean enabled = !"off".equals(System.getProperty("nnsh.memory.release"));
    private static final AtomicLong released = new AtomicLong();
    private static final IntermediateRelease NONE = new IntermediateRelease(null, null);
    private static final ClassValue<Boolean> KEEPS_NO_TENSORS = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return keepsNoTensors(type); }
    };

    private final Module owner;
    private final Tensor input;
    private Tensor lastOutput; // the previous child's output, when that child is trusted

    private IntermediateRelease(Module owner, Tensor input) {
        this.owner = owner;
        this.input = input;
    }

    /** For one run of {@code owner}'s children on {@code input}. */
    public static IntermediateRelease start(Module owner, Tensor input) {
        if (!enabled || input == null || input.isShapeOnly()) return NONE;
        return new IntermediateRelease(owner, input);
    }

    /** Child {@code child} ran on {@code in} and returned {@code out}; frees {@code in} if it is provably dead. Returns {@code out}. */
    public Tensor after(Module child, Tensor in, Tensor out) {
        if (this == NONE) return out;
        return free(trusted(child), child.typeName(), in, out);
    }

    /**
     * issue 11 (free): the owner's own tensor operation (flatten, mean, ...: no module, so nothing else can keep its
     * operand) ran on {@code in} and returned {@code out}; frees {@code in} if it is provably dead. Returns {@code out}.
     */
    public Tensor afterTensorOp(String op, Tensor in, Tensor out) {
        if (this == NONE) return out;
        return free(true, op, in, out);
    }

    private Tensor free(boolean trusted, String consumer, Tensor in, Tensor out) {
        if (trusted && in == lastOutput && in != out && in != input && noObserverKeeps()
                && !NativeBuffers.shareMemory(in, input) && !NativeBuffers.shareMemory(in, out)
                && NativeBuffers.release(in, owner.typeName() + " once its next step, " + consumer
                        + ", had consumed it (a Sequential's intermediates are freed as soon as they are provably dead)")) {
            released.incrementAndGet();
        }
        lastOutput = trusted ? out : null;
        return out;
    }

    private static boolean noObserverKeeps() {
        CallObserver observer = Module.currentObserver();
        return observer == null || !observer.keepsTensors();
    }

    /** issue 11 (free): whether {@code module} and all its descendants are nnsh's own classes keeping no tensor in a field. */
    public static boolean isTrusted(Module module) { return trusted(module); }

    /** nnsh's own class, keeping no tensor in a field, and so are all its descendants. */
    static boolean trusted(Module module) {
        for (Module m : module.modules()) {
            if (!KEEPS_NO_TENSORS.get(m.getClass())) return false;
        }
        return true;
    }

    private static boolean keepsNoTensors(Class<?> type) {
        String pkg = type.getPackageName();
        if (!pkg.equals("dev.nnsh.nn") && !pkg.equals("dev.nnsh.models") && !pkg.startsWith("dev.nnsh.models.")) return false;
        if (type.isAnonymousClass() || type.isLocalClass() || !sameCodeSource(type)) return false;
        for (Class<?> c = type; c != null && c != Module.class; c = c.getSuperclass()) {
            if (!sameCodeSource(c)) return false;
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                Class<?> t = f.getType();
                if (t == Tensor.class || t == Tensor[].class || t == Object.class || t == Object[].class
                        || f.getGenericType().getTypeName().contains(Tensor.class.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Loaded from nnsh's own jar or classes directory (a class a user or a test puts in nnsh's packages is not nnsh's). */
    private static boolean sameCodeSource(Class<?> type) {
        var ours = IntermediateRelease.class.getProtectionDomain().getCodeSource();
        var theirs = type.getProtectionDomain().getCodeSource();
        return ours == null ? theirs == null : theirs != null && ours.getLocation().equals(theirs.getLocation());
    }

    /** How many intermediates have been freed so far (all threads). */
    public static long releasedCount() { return released.get(); }

    static void countReleased() { released.incrementAndGet(); } // issue 11 (mobile): a blocked run's intermediates (BlockedConvChain)

    /** Turns freeing on or off at run time (for before/after comparisons in one JVM). */
    public static void setEnabled(boolean on) { enabled = on; }

    public static boolean isEnabled() { return enabled; }
}
