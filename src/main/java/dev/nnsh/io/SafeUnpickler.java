package dev.nnsh.io;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

import dev.nnsh.tensor.DType;

/**
 * Razorvine's unpickler restricted to what a PyTorch state dict is made of. Every opcode that names a
 * class (GLOBAL, STACK_GLOBAL, INST, OBJ, EXT*) goes through {@link #resolve}: the classes of
 * {@link TorchPickleClasses} become inert Java constructors, anything else is refused with its name.
 * The library's own registry of Python classes is never consulted, and BUILD (which would call a
 * {@code __setstate__} method reflectively) only drops the state (the state dict's {@code _metadata}).
 */
final class SafeUnpickler extends Unpickler {
    private final Function<Object[], Object> persistentIds;

    /** @param persistentIds turns a persistent id tuple ('storage', type, key, location, numel) into a storage */
    SafeUnpickler(Function<Object[], Object> persistentIds) {
        this.persistentIds = persistentIds;
    }

    @Override protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                stack.add(resolve(String.valueOf(module), String.valueOf(name)));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                throw new RefusedClassException(module + "." + name);
            }
            case Opcodes.OBJ, Opcodes.EXT1, Opcodes.EXT2, Opcodes.EXT4 ->
                throw new PickleException("pickle opcode " + (char) key + " (protocol-0/1 objects or copyreg"
                        + " extensions) does not occur in a torch.save file");
            case Opcodes.EMPTY_DICT -> { // the library's HashMap would lose the file's key order
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            }
            case Opcodes.DICT -> {
                java.util.List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i + 1 < items.size(); i += 2) map.put(items.get(i), items.get(i + 1));
                stack.add(map);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS -> { // the library gathers the items in a HashMap first: same problem
                java.util.List<Object> items = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Map<?, ?> target)) throw new PickleException("SETITEMS on a non-dict");
                @SuppressWarnings("unchecked") Map<Object, Object> map = (Map<Object, Object>) target;
                for (int i = 0; i + 1 < items.size(); i += 2) map.put(items.get(i), items.get(i + 1));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD -> {
                stack.pop(); // the state; the object it would be set on stays on the stack as it is
                return NO_RETURN_VALUE;
            }
            default -> {
                return super.dispatch(key);
            }
        }
    }

    @Override protected Object persistentLoad(Object pid) {
        if (!(pid instanceof Object[] tuple)) throw new PickleException("persistent id is not a tuple: " + pid);
        return persistentIds.apply(tuple);
    }

    private static IObjectConstructor resolve(String module, String name) {
        String qualified = module + "." + name;
        IObjectConstructor allowed = TorchPickleClasses.ALLOWED.get(qualified);
        if (allowed != null) return allowed;
        DType dtype = TorchPickleClasses.STORAGES.get(qualified);
        if (dtype != null) return new TorchPickleClasses.StorageType(qualified, dtype);
        String unsupported = TorchPickleClasses.UNSUPPORTED_STORAGES.get(qualified);
        if (unsupported != null) throw new UnsupportedDtypeException(qualified, unsupported);
        throw new RefusedClassException(qualified);
    }

    /** A class outside the allow-list: refused before anything is built from it. */
    static final class RefusedClassException extends PickleException {
        final String qualifiedName;

        RefusedClassException(String qualifiedName) {
            super("refused to load the class " + qualifiedName + " named in the pickle: a checkpoint may only name"
                    + " the classes of a state dict (" + String.join(", ", allowedNames()) + ");"
                    + " nothing was executed. (A whole pickled model? Save model.state_dict() instead.)");
            this.qualifiedName = qualifiedName;
        }
    }

    /** A storage type of a dtype nnsh cannot hold (complex, quantized). */
    static final class UnsupportedDtypeException extends PickleException {
        UnsupportedDtypeException(String storage, String dtype) {
            super("tensor of dtype " + dtype + " (" + storage + ") is unsupported; nnsh holds "
                    + String.join(", ", TorchPickleClasses.supportedDtypes()));
        }
    }

    private static Iterable<String> allowedNames() {
        Map<String, Object> names = new LinkedHashMap<>(TorchPickleClasses.ALLOWED);
        names.put("torch.*Storage", null);
        return names.keySet();
    }
}
