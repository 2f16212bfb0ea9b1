package dev.nnsh.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nnsh.models.Models;
import dev.nnsh.tensor.DType;
import dev.nnsh.tensor.Tensor;

/** torch.save files written by PyTorch load with every tensor bit for bit equal to PyTorch's .npy copy. */
class TorchCheckpointTest {
    static final List<String> DTYPE_KEYS = List.of("f32", "f16", "f16_rows_2_to_4", "bf16", "f64", "i64", "i32", "u8",
            "bool", "scalar", "transposed", "strided");

    @Test void plainStateDictLoadsInFileOrderBitForBit() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("lenet.pth"));
        // PyTorch's key order is the module's registration order, the same as the zoo's LeNet-5
        Fixtures.assertAllMatchNpy(state, "lenet_npy", Models.lenet5().stateDict().keySet());
    }

    @Test void stateDictUnderStateDictKeyWithBatchNormBuffers() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("tiny_resnet.pth"));
        Fixtures.assertAllMatchNpy(state, "tiny_resnet_npy", new TinyResNet().stateDict().keySet());
        assertEquals(DType.INT64, state.get("bn1.num_batches_tracked").dtype());
        assertEquals(7, state.get("bn1.num_batches_tracked").item());
    }

    @Test void everyDtypeSharedStoragesAndStridedViewsUnderModelKey() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("dtypes.pth"));
        Fixtures.assertAllMatchNpy(state, "dtypes_npy", DTYPE_KEYS);
        assertEquals(DType.FLOAT16, state.get("f16").dtype());
        assertEquals(DType.BFLOAT16, state.get("bf16").dtype());
        assertEquals(DType.BOOL, state.get("bool").dtype());
        assertEquals(DType.UINT8, state.get("u8").dtype());
        assertArrayEquals(new long[]{7, 5}, state.get("transposed").shape());
        assertArrayEquals(new long[]{4, 3}, state.get("strided").shape());
        assertArrayEquals(new long[]{}, state.get("scalar").shape());
        assertEquals(3.25, state.get("scalar").item());
    }

    @Test void sharedStorageGivesIndependentTensors() {
        Map<String, Tensor> state = Weights.load(Fixtures.file("dtypes.pth"));
        Tensor rows = state.get("f16_rows_2_to_4");
        double before = rows.nd().getDouble(0, 0);
        state.get("f16").nd().putScalar(new long[]{2, 0}, 1000.0);
        assertEquals(before, rows.nd().getDouble(0, 0), "a tensor cut from a shared storage is a copy");
    }
}
