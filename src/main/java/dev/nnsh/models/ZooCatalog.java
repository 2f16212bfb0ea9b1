package dev.nnsh.models;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nnsh.nn.Module;

/**
 * The zoo by torchvision's names: each name maps to its {@link Models} factory by the naming rule (an
 * underscore between two digits stays, any other underscore is dropped and the next letter capitalised).
 */
final class ZooCatalog {
    private ZooCatalog() {}

    /** torchvision's names in torchvision's documentation order, lenet5 first (not torchvision's). */
    static final List<String> NAMES = List.of(
            "lenet5", "alexnet", "vgg11", "vgg11_bn", "vgg13", "vgg13_bn", "vgg16", "vgg16_bn", "vgg19", "vgg19_bn",
            "resnet18", "resnet34", "resnet50", "resnet101", "resnet152",
            "resnext50_32x4d", "resnext101_32x8d", "resnext101_64x4d", "wide_resnet50_2", "wide_resnet101_2",
            "squeezenet1_0", "squeezenet1_1", "densenet121", "densenet161", "densenet169", "densenet201",
            "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
            "efficientnet_b0", "efficientnet_b1", "efficientnet_b2", "efficientnet_b3", "efficientnet_b4",
            "efficientnet_b5", "efficientnet_b6", "efficientnet_b7", "efficientnet_v2_s", "efficientnet_v2_m", "efficientnet_v2_l",
            "mnasnet0_5", "mnasnet0_75", "mnasnet1_0", "mnasnet1_3",
            "regnet_x_400mf", "regnet_x_800mf", "regnet_x_1_6gf", "regnet_x_3_2gf", "regnet_x_8gf", "regnet_x_16gf", "regnet_x_32gf",
            "regnet_y_400mf", "regnet_y_800mf", "regnet_y_1_6gf", "regnet_y_3_2gf", "regnet_y_8gf", "regnet_y_16gf",
            "regnet_y_32gf", "regnet_y_128gf",
            "shufflenet_v2_x0_5", "shufflenet_v2_x1_0", "shufflenet_v2_x1_5", "shufflenet_v2_x2_0",
            "googlenet", "inception_v3", "convnext_tiny", "convnext_small", "convnext_base", "convnext_large",
            "vit_b_16", "vit_b_32", "vit_l_16", "vit_l_32", "vit_h_14",
            "swin_t", "swin_s", "swin_b", "swin_v2_t", "swin_v2_s", "swin_v2_b", "maxvit_t",
            "r3d_18", "mc3_18", "r2plus1d_18");

    static String factoryName(String torchvisionName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < torchvisionName.length(); i++) {
            char c = torchvisionName.charAt(i);
            boolean betweenDigits = i > 0 && i + 1 < torchvisionName.length()
                    && Character.isDigit(torchvisionName.charAt(i - 1)) && Character.isDigit(torchvisionName.charAt(i + 1));
            if (c == '_' && !betweenDigits && i + 1 < torchvisionName.length()) {
                out.append(Character.toUpperCase(torchvisionName.charAt(++i)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Module build(String name) {
        if (name == null) throw new IllegalArgumentException("Models.get: name is null");
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(key)) {
            List<String> close = new ArrayList<>();
            String stem = key.replaceAll("[^a-z]", "");
            for (String n : NAMES) if (!stem.isEmpty() && n.replaceAll("[^a-z]", "").startsWith(stem)) close.add(n);
            throw new IllegalArgumentException("Models.get: no model named \"" + name + "\""
                    + (close.isEmpty() ? "; Models.list() shows them all" : "; did you mean " + String.join(", ", close) + "?"));
        }
        try {
            Method m = Models.class.getMethod(factoryName(key));
            if (!Modifier.isStatic(m.getModifiers())) throw new IllegalStateException(m + " is not static");
            return (Module) m.invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Models has no factory " + factoryName(key) + "() for \"" + key + "\"", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
