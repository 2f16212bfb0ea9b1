package dev.nnsh.nn;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.nnsh.tensor.Scoped;
import dev.nnsh.tensor.ShapeOnlyMode;
import dev.nnsh.tensor.Shapes;
import dev.nnsh.tensor.Tensor;

/**
 * The base of every layer and network, like PyTorch's {@code nn.Module}. Subclasses declare their
 * sub-modules as fields (found by reflection in declaration order, superclass fields first) or add
 * them with {@link #register}, override {@code forward}, and are called through {@code apply}.
 */
public abstract class Module implements dev.nnsh.io.StateDictSource {
    private static final ThreadLocal<CallObserver> OBSERVER = new ThreadLocal<>();
    private static final ThreadLocal<Deque<Module>> CALL_STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private final Map<String, Module> registered = new LinkedHashMap<>();
    private final Map<String, Parameter> ownParameters = new LinkedHashMap<>();
    private final Map<String, Buffer> ownBuffers = new LinkedHashMap<>();
    private boolean training = true;

    // ---------------------------------------------------------------- calling

    /** Calls the module: observers see the call, then {@link #forward(Tensor)} runs. */
    public final Tensor apply(Tensor x) { return apply(new Tensor[]{x}); }

    /**
     * Calls a module with several inputs; it runs {@link #forward(Tensor...)}. Inputs after the first
     * may be null where the module takes them as optional (PyTorch's None: a mask not given).
     */
    public final Tensor apply(Tensor... inputs) { return call(this::forward, output -> output, inputs); }

    /**
     * Calls the module for a result of any type (a record of several tensors, like an LSTM's output and
     * states), with the same protocol as {@code apply}: observers see the call before, and after it
     * the tensor {@code observed} picks from the result (what a summary row shows); an error inside
     * is reported with the module's path. Layers with several outputs call this from their public
     * methods ({@code run}, {@code attend}); their {@code forward} returns the tensor that {@code apply} gives.
     */
    protected final <R> R call(Function<Tensor[], R> forward, Function<R, Tensor> observed, Tensor... inputs) {
        // --- issue 13: progress --- the outermost call of a long real pass on a terminal shows a progress line
        CallObserver progress = OBSERVER.get() == null && CALL_STACK.get().isEmpty() ? ProgressLine.forOutermostCall(this, inputs) : null;
        if (progress != null) {
            try (ObserverScope scope = observe(progress)) { return call(forward, observed, inputs); }
        }
        Deque<Module> stack = CALL_STACK.get();
        CallObserver observer = OBSERVER.get();
        stack.push(this);
        try {
            if (inputs.length == 0 || inputs[0] == null) {
                throw new ModuleException(pathOf(stack), typeName(), new IllegalArgumentException(
                        inputs.length == 0 ? "no input given" : "input 0 is null"));
            }
            if (observer != null) observer.before(this, inputs);
            R result;
            try (ShapeOnlyMode.Scope mode = ShapeOnlyMode.enterIf(anyShapeOnly(inputs))) {
                result = forward.apply(inputs);
            } catch (ModuleException e) {
                if (observer != null) observer.failed(this, inputs, e);
                throw e;
            } catch (RuntimeException e) {
                ModuleException located = new ModuleException(pathOf(stack), typeName(), e);
                if (observer != null) observer.failed(this, inputs, located);
                throw located;
            }
            if (observer != null) observer.after(this, inputs, observed.apply(result));
            return result;
        } finally {
            stack.pop();
        }
    }

    /** The computation of a one-input module; override this (or {@link #forward(Tensor...)}). */
    public Tensor forward(Tensor x) {
        throw new UnsupportedOperationException(typeName() + " does not override forward(Tensor x)");
    }

    /** The computation of a module with several inputs; by default the one-input forward. */
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(typeName() + ".forward takes 1 input, got " + inputs.length
                    + " (override forward(Tensor... inputs) for several)");
        }
        return forward(inputs[0]);
    }

    /** issue 11 (conv): true while an observer that must see every call is installed (a summary; not the progress line), so nothing is fused. */
    public static boolean everyCallObserved() {
        CallObserver observer = OBSERVER.get();
        return observer != null && observer.seesEveryCall();
    }
    /** The observer installed on this thread, or null. */
    static CallObserver currentObserver() { return OBSERVER.get(); } // issue 11 (mem): IntermediateRelease asks

    /** Installs an observer of every apply on this thread until the returned scope is closed. */
    public static ObserverScope observe(CallObserver observer) { return Scoped.set(OBSERVER, observer)::run; }

    /** Closing restores the observer that was installed before. */
    public interface ObserverScope extends AutoCloseable {
        @Override void close();
    }

    private static String pathOf(Deque<Module> innermostFirst) {
        List<Module> calls = new ArrayList<>(innermostFirst);
        Collections.reverse(calls);
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < calls.size(); i++) {
            if (path.length() > 0) path.append('.');
            path.append(calls.get(i - 1).nameOf(calls.get(i)));
        }
        return path.toString();
    }

    /** The name under which a descendant is registered here, or its type name if it is not. */
    public String nameOf(Module descendant) {
        for (var e : namedModules().entrySet()) {
            if (e.getValue() == descendant && !e.getKey().isEmpty()) return e.getKey();
        }
        return descendant.typeName();
    }

    // ---------------------------------------------------------------- structure

    /** The name the summary and print show: the class's simple name unless a subclass says otherwise. */
    public String typeName() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }

    /** Adds a sub-module under a name (for modules made in loops); returns it. */
    public <M extends Module> M register(String name, M module) {
        checkName(name);
        if (module == null) throw new IllegalArgumentException(typeName() + ".register(\"" + name + "\"): module is null");
        registered.put(name, module);
        return module;
    }

    /** Adds (or replaces) a learnable tensor owned by this module. */
    protected Parameter addParameter(String name, Init init, long... shape) {
        checkName(name);
        Parameter p = new Parameter(name, init, shape);
        ownParameters.put(name, p);
        return p;
    }

    protected void removeParameter(String name) { ownParameters.remove(name); }

    protected Buffer addBuffer(Buffer buffer) {
        ownBuffers.put(buffer.name(), buffer);
        return buffer;
    }

    protected void removeBuffer(String name) { ownBuffers.remove(name); }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(typeName() + ": invalid name \"" + name
                    + "\" (names must be non-empty and contain no '.')");
        }
    }

    /**
     * Direct sub-modules by name, like PyTorch's {@code _modules}: fields in declaration order, then
     * registered ones. A module registered under two names is listed under both (so
     * {@code new Sequential(lin, lin)} has children 0 and 1 and applies lin twice); the traversals
     * ({@link #namedModules()}, {@link #namedParameters()}, the summary) still visit it once.
     */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        for (Field f : FIELDS.get(getClass()).modules) {
            Module m = (Module) read(f);
            if (m != null) out.put(f.getName(), m);
        }
        for (var e : registered.entrySet()) out.putIfAbsent(e.getKey(), e.getValue());
        return out;
    }

    public List<Module> children() { return new ArrayList<>(namedChildren().values()); }

    /** This module (name "") and all descendants, depth first, dotted names, each module once. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", this, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private static void collectModules(String prefix, Module m, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(m)) return;
        out.put(prefix, m);
        for (var e : m.namedChildren().entrySet()) {
            collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, seen);
        }
    }

    /** This module's own parameters (not its children's), in the order they were added. */
    public Map<String, Parameter> ownParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(ownParameters);
        for (Field f : FIELDS.get(getClass()).parameters) {
            Parameter p = (Parameter) read(f);
            if (p != null) out.putIfAbsent(f.getName(), p);
        }
        return out;
    }

    public Map<String, Buffer> ownBuffers() { return Collections.unmodifiableMap(ownBuffers); }

    /** All parameters with dotted names ({@code features.0.weight}); a shared parameter once. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().ownParameters().entrySet()) {
                if (seen.add(p.getValue())) out.put(dotted(m.getKey(), p.getKey()), p.getValue());
            }
        }
        return out;
    }

    public Map<String, Buffer> namedBuffers() {
        Map<String, Buffer> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var b : m.getValue().ownBuffers.entrySet()) out.put(dotted(m.getKey(), b.getKey()), b.getValue());
        }
        return out;
    }

    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    /** Number of parameter elements, each shared parameter once. */
    public long numParams() {
        long n = 0;
        for (Parameter p : parameters()) n += p.numel();
        return n;
    }

    private static String dotted(String prefix, String name) { return prefix.isEmpty() ? name : prefix + "." + name; }

    // ---------------------------------------------------------------- modes and state

    public Module train() { return train(true); }

    public Module train(boolean mode) {
        for (Module m : namedModules().values()) m.training = mode;
        return this;
    }

    public Module eval() { return train(false); }

    public boolean isTraining() { return training; }

    /** Freezes (false) or unfreezes (true) every parameter of this module and its descendants. */
    public Module requiresGrad(boolean value) {
        for (Parameter p : parameters()) p.requiresGrad(value);
        return this;
    }

    /** Parameters and buffers by dotted name; materialises them. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().ownParameters().entrySet()) out.put(dotted(m.getKey(), p.getKey()), p.getValue().data());
            for (var b : m.getValue().ownBuffers.entrySet()) {
                if (b.getValue().persistent()) out.put(dotted(m.getKey(), b.getKey()), b.getValue().data());
            }
        }
        return out;
    }

    /** Copies values in by name; every key must match and every shape agree, or nothing is loaded. */
    public void loadStateDict(Map<String, Tensor> state) {
        Map<String, LazyTensor> targets = new LinkedHashMap<>(namedParameters());
        for (var b : namedBuffers().entrySet()) if (b.getValue().persistent()) targets.put(b.getKey(), b.getValue());
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : targets.keySet()) if (!state.containsKey(key)) missing.add("\"" + key + "\"");
        List<String> unexpected = new ArrayList<>();
        for (String key : state.keySet()) if (!targets.containsKey(key)) unexpected.add("\"" + key + "\"");
        if (!missing.isEmpty()) problems.add("Missing key(s) in state_dict: " + String.join(", ", missing) + ".");
        if (!unexpected.isEmpty()) problems.add("Unexpected key(s) in state_dict: " + String.join(", ", unexpected) + ".");
        for (var e : targets.entrySet()) {
            Tensor value = state.get(e.getKey());
            if (value != null && !java.util.Arrays.equals(value.shape(), e.getValue().shape())) {
                problems.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + Shapes.format(value.shape()) + " from checkpoint, the shape in current model is "
                        + Shapes.format(e.getValue().shape()) + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + typeName() + ":\n\t"
                    + String.join("\n\t", problems));
        }
        for (var e : targets.entrySet()) e.getValue().set(state.get(e.getKey()));
    }

    // ---------------------------------------------------------------- printing

    /** The layer's settings as PyTorch's extra_repr prints them ({@code 1, 64, kernel_size=(3, 3)}). */
    public String extraRepr() { return ""; }

    @Override public String toString() {
        Map<String, Module> children = namedChildren();
        String extra = extraRepr();
        if (children.isEmpty()) return typeName() + "(" + extra + ")";
        StringBuilder sb = new StringBuilder(typeName()).append("(\n");
        if (!extra.isEmpty()) sb.append("  ").append(extra.replace("\n", "\n  ")).append('\n');
        for (var e : children.entrySet()) {
            sb.append("  (").append(e.getKey()).append("): ")
              .append(e.getValue().toString().replace("\n", "\n  ")).append('\n');
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- reflection

    private record FieldSet(List<Field> modules, List<Field> parameters) {}

    private static final ClassValue<FieldSet> FIELDS = new ClassValue<>() {
        @Override protected FieldSet computeValue(Class<?> type) {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Module.class; c = c.getSuperclass()) chain.add(0, c);
            List<Field> modules = new ArrayList<>();
            List<Field> parameters = new ArrayList<>();
            for (Class<?> c : chain) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                    boolean isModule = Module.class.isAssignableFrom(f.getType());
                    boolean isParameter = Parameter.class.isAssignableFrom(f.getType());
                    if (!isModule && !isParameter) continue;
                    f.setAccessible(true);
                    (isModule ? modules : parameters).add(f);
                }
            }
            return new FieldSet(List.copyOf(modules), List.copyOf(parameters));
        }
    };

    private Object read(Field f) {
        try {
            return f.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read field " + f.getName() + " of " + typeName(), e);
        }
    }

    // --- issue 14: weights ---

    /** Loads a checkpoint file (see {@link dev.nnsh.io.Weights#load}); every key must match, as strict load_state_dict. */
    public IncompatibleKeys loadWeights(java.nio.file.Path file) { return StateDictLoader.loadFile(this, file, true); }

    public IncompatibleKeys loadWeights(String file) { return loadWeights(java.nio.file.Path.of(file)); }

    /** With strict false, missing and unexpected keys are reported in the result instead of failing. */
    public IncompatibleKeys loadWeights(java.nio.file.Path file, boolean strict) {
        return StateDictLoader.loadFile(this, file, strict);
    }

    public IncompatibleKeys loadWeights(String file, boolean strict) { return loadWeights(java.nio.file.Path.of(file), strict); }

    /** PyTorch's load_state_dict(state, strict): shape mismatches always fail, keys only when strict. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> state, boolean strict) {
        return StateDictLoader.load(this, state, strict);
    }

    /** Writes the state dict as .safetensors. */
    public void saveWeights(java.nio.file.Path file) { dev.nnsh.io.Weights.save(this, file); }
    // --- issue 9: module API ---

    private static boolean anyShapeOnly(Tensor[] inputs) {
        for (Tensor t : inputs) if (t != null && t.isShapeOnly()) return true;
        return false;
    }

    /** {@code register_buffer(name, tensor)}: state that is not learnt, in the state dict. */
    public Buffer registerBuffer(String name, Tensor value) { return registerBuffer(name, value, true); }

    public Buffer registerBuffer(String name, Tensor value, boolean persistent) {
        if (value == null) throw new IllegalArgumentException(typeName() + ".registerBuffer(\"" + name + "\"): tensor is null");
        if (value.isShapeOnly()) {
            throw new IllegalArgumentException(typeName() + ".registerBuffer(\"" + name + "\"): a shape-only tensor has no "
                    + "values (pass a factory instead: registerBuffer(name, () -> ...))");
        }
        Buffer b = newBuffer(name, value.dtype(), (dtype, shape) -> value.to(dtype), persistent, value.shape());
        b.set(value);
        return b;
    }

    /**
     * A buffer made by a factory, lazily: {@code registerBuffer("bias", () -> Tensor.ones(n, n).tril().view(1, 1, n, n))}.
     * The factory runs in a shape-only pass to learn the shape, and for real only on first real use.
     */
    public Buffer registerBuffer(String name, Supplier<Tensor> value) { return registerBuffer(name, value, true); }

    public Buffer registerBuffer(String name, Supplier<Tensor> value, boolean persistent) {
        if (value == null) throw new IllegalArgumentException(typeName() + ".registerBuffer(\"" + name + "\"): factory is null");
        Tensor shapeOf = ShapeOnlyMode.run(value);
        return newBuffer(name, shapeOf.dtype(), (dtype, shape) -> value.get().to(dtype), persistent, shapeOf.shape());
    }

    private Buffer newBuffer(String name, dev.nnsh.tensor.DType dtype, Init init, boolean persistent, long[] shape) {
        checkName(name);
        if (ownParameters().containsKey(name)) {
            throw new IllegalArgumentException(typeName() + ".registerBuffer: attribute '" + name + "' already exists (a parameter)");
        }
        return addBuffer(new Buffer(name, dtype, init, persistent, shape));
    }

    /** {@code register_parameter(name, param)}; the parameter takes the name if it had none. */
    public Parameter registerParameter(String name, Parameter parameter) {
        checkName(name);
        if (parameter == null) throw new IllegalArgumentException(typeName() + ".registerParameter(\"" + name + "\"): parameter is null");
        if (ownBuffers.containsKey(name)) {
            throw new IllegalArgumentException(typeName() + ".registerParameter: attribute '" + name + "' already exists (a buffer)");
        }
        parameter.nameIfUnnamed(name);
        ownParameters.put(name, parameter);
        return parameter;
    }

    /** A buffer's values for the running pass (shape-only in a shape-only pass), like {@code self.name}. */
    public Tensor buffer(String name) {
        Buffer b = ownBuffers.get(name);
        if (b == null) {
            throw new IllegalArgumentException(typeName() + " has no buffer '" + name + "' (buffers: " + ownBuffers.keySet() + ")");
        }
        return b.value();
    }

    /** {@code layer.weight}: this module's parameter named weight (Linear, Conv, norms, Embedding). */
    public Parameter weight() { return ownParameter("weight"); }

    /** {@code layer.bias}: this module's parameter named bias; null when the layer was made with bias(false). */
    public Parameter bias() {
        Parameter b = ownParameters().get("bias");
        if (b == null && !ownParameters().containsKey("weight")) return ownParameter("bias");
        return b;
    }

    /** This module's own parameter by name, or a clear error listing the names it has. */
    public Parameter ownParameter(String name) {
        Parameter p = ownParameters().get(name);
        if (p == null) {
            throw new IllegalArgumentException(typeName() + " has no parameter '" + name + "' (parameters: "
                    + ownParameters().keySet() + ")");
        }
        return p;
    }

    /** A parameter's values for the running pass (shape-only in a shape-only pass). */
    public Tensor param(String name) { return ownParameter(name).value(); }

    /** This module and all descendants, depth first, each once ({@code modules()}). */
    public List<Module> modules() { return new ArrayList<>(namedModules().values()); }

    public List<Buffer> buffers() { return new ArrayList<>(namedBuffers().values()); }

    /** PyTorch's {@code module.apply(fn)} (here {@code apply} is the call): fn on every descendant, then this one. */
    public Module forEachModule(Consumer<Module> fn) {
        for (Module child : children()) child.forEachModule(fn);
        fn.accept(this);
        return this;
    }

    /** {@code requires_grad_(value)}: freezes (false) or unfreezes every parameter. */
    public Module requiresGrad_(boolean value) { return requiresGrad(value); }

    public Module requiresGrad_() { return requiresGrad(true); }
}
