package dev.servelab.hw.perf.operator;

import dev.servelab.hw.perf.roofline.OperatorClass;
import java.util.Locale;

/**
 * The operators of one decoder iteration, as Vidur decomposes it (Agrawal et al., "Vidur: A
 * Large-Scale Simulation Framework for LLM Inference", MLSys 2024), with the names the
 * profile files use ({@code qkv_proj}, {@code attn_out}, {@code mlp_up_gate}, {@code mlp_down},
 * {@code lm_head}, {@code rms_norm}, {@code silu_mul}, {@code attn_prefill}, {@code attn_decode}).
 * The communication operators have no kernel class: they are timed on a link.
 */
public enum Operator {
    EMBEDDING("embedding", OperatorClass.ELEMENTWISE),
    RMS_NORM("rms_norm", OperatorClass.NORM),
    QKV("qkv_proj", OperatorClass.GEMM),
    ROPE("rope", OperatorClass.ELEMENTWISE),
    ATTN_PREFILL("attn_prefill", OperatorClass.ATTN_PREFILL),
    ATTN_DECODE("attn_decode", OperatorClass.ATTN_DECODE),
    ATTN_OUT("attn_out", OperatorClass.GEMM),
    MOE_ROUTER("moe_router", OperatorClass.GEMM),
    MLP_UP_GATE("mlp_up_gate", OperatorClass.GEMM),
    ACTIVATION("silu_mul", OperatorClass.ACTIVATION),
    MLP_DOWN("mlp_down", OperatorClass.GEMM),
    RESIDUAL_ADD("add", OperatorClass.ELEMENTWISE),
    LM_HEAD("lm_head", OperatorClass.GEMM),
    SAMPLING("sampling", OperatorClass.ELEMENTWISE),
    ALL_REDUCE("all_reduce", null),
    SEND_RECV("send_recv", null),
    /** Expert-parallel dispatch or combine of one MoE layer (DeepEP-style all-to-all). */
    ALL_TO_ALL("all_to_all", null);

    private static final Operator[] ALL = values();
    private final String profileName;
    private final OperatorClass operatorClass;

    Operator(String profileName, OperatorClass operatorClass) {
        this.profileName = profileName;
        this.operatorClass = operatorClass;
    }

    /** The name used in profile files and on the command line. */
    public String profileName() {
        return profileName;
    }

    /** The kernel family whose efficiency curve times this operator; null for communication. */
    public OperatorClass operatorClass() {
        return operatorClass;
    }

    /** Accepts the profile name ({@code qkv_proj}) or the enum name ({@code QKV}, {@code qkv}). */
    public static Operator parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Operator op : ALL) {
            if (op.profileName.equals(n) || op.name().toLowerCase(Locale.ROOT).equals(n)) {
                return op;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Operator op : ALL) {
            known.append(known.isEmpty() ? "" : ", ").append(op.profileName);
        }
        throw new IllegalArgumentException("unknown operator '" + name + "'; known: " + known);
    }
}
