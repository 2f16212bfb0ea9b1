package dev.nnsh.ops.fast;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

import static org.bytedeco.dnnl.global.dnnl.*;

/**
 * oneDNN called directly (JavaCPP's preset, the library's C API): one CPU engine and one stream for
 * the process, loaded on first use. libdnnl links the same libgomp soname as ND4J's libnd4jcpu,
 * so both share one OpenMP runtime and thread pool (checked in /proc/self/maps: one libgomp).
 * When the library cannot load, {@link #available()} is false and callers keep ND4J's kernels.
 * Every execution is serialised on this class: one stream, and primitives whose scratchpad is
 * library-managed are not safe to run concurrently.
 */
public final class Dnnl {
    private Dnnl() {}

    private static volatile Boolean loaded;
    private static dnnl_engine engine;
    private static dnnl_stream stream;

    /** True when oneDNN loaded and an engine and stream could be created. */
    public static boolean available() {
        Boolean now = loaded;
        if (now == null) {
            synchronized (Dnnl.class) {
                if (loaded == null) loaded = load();
                now = loaded;
            }
        }
        return now;
    }

    private static boolean load() {
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            PointerPointer<Pointer> out = new PointerPointer<>(1);
            check(dnnl_engine_create(out, dnnl_cpu, 0), "engine_create");
            engine = new dnnl_engine(out.get(0));
            check(dnnl_stream_create(out, engine, dnnl_stream_default_flags), "stream_create");
            stream = new dnnl_stream(out.get(0));
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, a missing native, an engine that cannot be made
            if (Boolean.getBoolean("nnsh.dnnl.debug")) e.printStackTrace();
            return false;
        }
    }

    static dnnl_engine engine() { return engine; }

    /** Throws when a oneDNN call did not succeed. */
    static void check(int status, String call) {
        if (status != dnnl_success) throw new DnnlException(call, status);
    }

    /** A plain memory descriptor with explicit strides (in elements), f32. */
    static dnnl_memory_desc_t stridedF32(long[] dims, long[] strides) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_strides(md, dims.length, dims, dnnl_f32, strides), "memory_desc_init_by_strides");
        return md;
    }

    /** A memory descriptor by format tag (dnnl_format_tag_any lets the primitive choose), f32. */
    static dnnl_memory_desc_t taggedF32(long[] dims, int tag) {
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "memory_desc_init_by_tag");
        return md;
    }

    /** A copy of a descriptor a primitive descriptor owns (queries return pointers into it). */
    static dnnl_memory_desc_t copy(dnnl_memory_desc_t md) {
        dnnl_memory_desc_t own = new dnnl_memory_desc_t();
        Pointer.memcpy(own, md, own.sizeof());
        return own;
    }

    static String implementation(dnnl_primitive_desc pd) {
        PointerPointer<BytePointer> out = new PointerPointer<>(1);
        if (dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, out) != dnnl_success) return "?";
        return new BytePointer(out.get(0)).getString();
    }

    /**
     * Primitive attributes with a user-managed scratchpad. oneDNN's own (library-managed) scratchpad
     * is thread-local to the thread that created the primitive and is freed when that thread ends,
     * so a primitive run later from another thread (JShell runs cells on new threads) would read
     * freed memory; instead every run gets {@link #execute}'s shared scratchpad.
     */
    static dnnl_primitive_attr newAttr() {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        check(dnnl_primitive_attr_create(out), "primitive_attr_create");
        dnnl_primitive_attr attr = new dnnl_primitive_attr(out.get(0));
        check(dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user), "primitive_attr_set_scratchpad_mode");
        return attr;
    }

    /**
     * The primitive descriptor for {@code opDesc} (a convolution, matmul or inner product descriptor)
     * with a user-managed scratchpad and the post-ops: a sum into the destination (when {@code sum}),
     * then {@code act}.
     */
    static dnnl_primitive_desc primitiveDesc(Pointer opDesc, DnnlPostOps act, boolean sum) {
        return primitiveDesc(opDesc, act, sum, false);
    }

    /** As {@link #primitiveDesc(Pointer, DnnlPostOps, boolean)}; with {@code actFirst}, act(op) + destination instead. */
    static dnnl_primitive_desc primitiveDesc(Pointer opDesc, DnnlPostOps act, boolean sum, boolean actFirst) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        dnnl_primitive_attr attr = newAttr();
        dnnl_post_ops ops = null;
        try {
            if (sum || act != DnnlPostOps.NONE) {
                check(dnnl_post_ops_create(out), "post_ops_create");
                ops = new dnnl_post_ops(out.get(0));
                if (actFirst) act.appendTo(ops);
                if (sum) check(dnnl_post_ops_append_sum(ops, 1f), "post_ops_append_sum");
                if (!actFirst) act.appendTo(ops);
                check(dnnl_primitive_attr_set_post_ops(attr, ops), "primitive_attr_set_post_ops");
            }
            check(dnnl_primitive_desc_create(out, new const_dnnl_op_desc_t(opDesc), attr, engine, null), "primitive_desc_create");
            return new dnnl_primitive_desc(out.get(0));
        } finally {
            if (ops != null) dnnl_post_ops_destroy(ops);
            dnnl_primitive_attr_destroy(attr);
        }
    }

    /** Runs a primitive with source, weights, bias (skipped when {@code bias} is null) and destination at these addresses. */
    static void executeWeighted(dnnl_primitive primitive, dnnl_memory_desc_t scratchpad, dnnl_memory_desc_t src,
                                dnnl_memory_desc_t weights, dnnl_memory_desc_t bias, dnnl_memory_desc_t dst,
                                Pointer srcData, Pointer weightData, Pointer biasData, Pointer dstData) {
        if (bias == null) {
            execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, dst}, new Pointer[]{srcData, weightData, dstData});
        } else {
            execute(primitive, scratchpad, new int[]{DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                    new dnnl_memory_desc_t[]{src, weights, bias, dst}, new Pointer[]{srcData, weightData, biasData, dstData});
        }
    }

    /** The scratchpad a primitive needs (a copy of its descriptor), or null when it needs none. */
    static dnnl_memory_desc_t scratchpad(dnnl_primitive_desc pd) {
        dnnl_memory_desc_t md = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md, 0);
        if (md == null || md.isNull() || dnnl_memory_desc_get_size(md) == 0) return null;
        return copy(md);
    }

    private static BytePointer scratch;
    private static long scratchBytes;

    /** issue 11 (mem): bytes of the shared scratchpad now allocated. */
    static synchronized long scratchpadBytes() { return scratch == null ? 0 : scratchBytes; }

    /** The shared scratchpad, at least {@code bytes} long and 64-byte aligned; callers hold the class lock. */
    private static Pointer scratchAtLeast(long bytes) {
        if (scratch == null || scratchBytes < bytes) {
            if (scratch != null) scratch.close();
            scratch = new BytePointer(bytes + 64);
            scratchBytes = bytes;
        }
        long at = (scratch.address() + 63) & ~63L;
        return new Pointer() { { address = at; } };
    }

    static dnnl_primitive createPrimitive(dnnl_primitive_desc pd) {
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        check(dnnl_primitive_create(out, pd), "primitive_create");
        return new dnnl_primitive(out.get(0));
    }

    /**
     * Runs a primitive over memory at the given native addresses: {@code argIds[i]} is bound to
     * memory described by {@code mds[i]} at {@code handles[i]}, the scratchpad (null: none) to the
     * shared one. Waits for the stream.
     */
    static void execute(dnnl_primitive primitive, dnnl_memory_desc_t scratchpad, int[] argIds, dnnl_memory_desc_t[] mds,
                        Pointer[] handles) {
        if (scratchpad != null) {
            synchronized (Dnnl.class) {
                int k = argIds.length;
                int[] ids = java.util.Arrays.copyOf(argIds, k + 1);
                dnnl_memory_desc_t[] withScratch = java.util.Arrays.copyOf(mds, k + 1);
                Pointer[] at = java.util.Arrays.copyOf(handles, k + 1);
                ids[k] = DNNL_ARG_SCRATCHPAD;
                withScratch[k] = scratchpad;
                at[k] = scratchAtLeast(dnnl_memory_desc_get_size(scratchpad));
                execute(primitive, null, ids, withScratch, at);
                return;
            }
        }
        int n = argIds.length;
        dnnl_memory[] memories = new dnnl_memory[n];
        dnnl_exec_arg_t args = new dnnl_exec_arg_t(n);
        PointerPointer<Pointer> out = new PointerPointer<>(1);
        synchronized (Dnnl.class) {
            try {
                for (int i = 0; i < n; i++) {
                    check(dnnl_memory_create(out, mds[i], engine, handles[i]), "memory_create");
                    memories[i] = new dnnl_memory(out.get(0));
                    args.position(i).arg(argIds[i]).memory(memories[i]);
                }
                args.position(0);
                check(dnnl_primitive_execute(primitive, stream, n, args), "primitive_execute");
                check(dnnl_stream_wait(stream), "stream_wait");
            } finally {
                for (dnnl_memory m : memories) if (m != null) dnnl_memory_destroy(m);
                args.close();
                out.close();
            }
        }
    }
}
