// Lesson 2: how kernel, stride, padding, dilation and ceil mode set output sizes
//
// Every convolution and pooling layer slides a window over the input. Its output size along one
// dimension is
//     out = floor((in + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1
// (ceil instead of floor when a pooling layer has ceil mode on). Shape-only tensors let us try
// settings instantly: no numbers are computed, only shapes.

// The lesson checks its own arithmetic: if a number worked out by hand differs from nnsh's, this
// stops the lesson with an error instead of printing a wrong comparison.
void sameByHand(String what, long byHand, long counted) {
    if (byHand != counted) throw new AssertionError(what + ": by hand " + byHand + ", nnsh says " + counted);
}

var x = Tensor.shapeOnly(1, 3, 32, 32);          // one 3-channel 32x32 image, shapes only

// Step 1. A 3x3 kernel without padding loses one pixel on each side: 32 -> 30.
System.out.println("kernel 3:              " + java.util.Arrays.toString(new Conv2d(3, 8, 3).apply(x).shape()));

// Step 2. Padding 1 puts them back: "same" size for a 3x3 kernel.
System.out.println("kernel 3, padding 1:   " + java.util.Arrays.toString(new Conv2d(3, 8, 3, 1, 1).apply(x).shape()));

// Step 3. Stride 2 visits every other position: the size halves, rounded down.
System.out.println("kernel 3, stride 2:    " + java.util.Arrays.toString(new Conv2d(3, 8, 3, 2).apply(x).shape()));
sameByHand("stride 2 output size", Math.floorDiv(32 + 0 - 2 - 1, 2) + 1, new Conv2d(3, 8, 3, 2).apply(x).size(2));
System.out.println("  by hand: floor((32 + 0 - 2 - 1) / 2) + 1 = " + (Math.floorDiv(32 + 0 - 2 - 1, 2) + 1));

// Step 4. Dilation spreads the kernel out: a 3x3 kernel with dilation 2 covers 5x5.
System.out.println("kernel 3, dilation 2:  " + java.util.Arrays.toString(new Conv2d(3, 8, 3).dilation(2).apply(x).shape()));

// Step 5. padding("same") works out the padding for you (stride 1 only).
System.out.println("kernel 5, same:        " + java.util.Arrays.toString(new Conv2d(3, 8, 5).padding("same").apply(x).shape()));

// Step 6. Pooling uses the same formula; its stride defaults to the kernel size.
var y = Tensor.shapeOnly(1, 8, 7, 7);
System.out.println("max pool 2 on 7x7:     " + java.util.Arrays.toString(new MaxPool2d(2).apply(y).shape()));
System.out.println("  ... with ceil mode:  " + java.util.Arrays.toString(new MaxPool2d(2).ceilMode(true).apply(y).shape()));

// Step 7. A kernel larger than the (padded) input is an error that says which sizes clash.
try {
    new Conv2d(3, 8, 7).apply(Tensor.shapeOnly(1, 3, 5, 5));
} catch (RuntimeException e) {
    System.out.println("error: " + e.getMessage());
}

// Step 8. A whole stack at once: the summary shows every layer's output shape.
var stack = new Sequential(
        new Conv2d(3, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2),
        new Conv2d(16, 32, 3, 2, 1), new ReLU(), new MaxPool2d(2, 2).ceilMode(true));
summary(stack, 1, 3, 32, 32);
