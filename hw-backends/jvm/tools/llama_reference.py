"""Independent NumPy reference of the Llama forward pass, for cross-checking the JVM backend by hand.

Reads a GGUF file (F32, F16, Q8_0 tensors) with its own small parser, runs the prompt's tokens through
the model in float64 (RMSNorm, RoPE on adjacent pairs as llama.cpp does for Llama, grouped-query causal
attention, SwiGLU) and writes the last position's logits, one per line.

    python3 llama_reference.py MODEL.gguf 5,77,200,13 logits.txt

Compare with the logits JvmLlamaExecutor returns for the same tokens (max abs difference ~1e-6 on the
generated tiny and 100m models). Not run by the build: the project's tests are Java.
"""
import numpy as np, struct, sys
def read_gguf(path):
    b = open(path,'rb').read(); p = 0
    def u(fmt):
        nonlocal p; v = struct.unpack_from('<'+fmt, b, p); p += struct.calcsize('<'+fmt); return v[0]
    def s():
        n = u('Q'); nonlocal p; v = b[p:p+n].decode(); p += n; return v
    fm = {0:'B',1:'b',2:'H',3:'h',4:'I',5:'i',6:'f',7:'?',10:'Q',11:'q',12:'d'}
    def val(t):
        if t == 8: return s()
        if t == 9:
            et = u('I'); n = u('Q'); return [val(et) for _ in range(n)]
        return u(fm[t])
    assert b[:4] == b'GGUF'; p = 4; ver = u('I'); nt = u('Q'); nkv = u('Q')
    meta = {}
    for _ in range(nkv):
        k = s(); t = u('I'); meta[k] = val(t)
    infos = []
    for _ in range(nt):
        name = s(); nd = u('I'); dims = [u('Q') for _ in range(nd)]; t = u('I'); off = u('Q'); infos.append((name, dims, t, off))
    al = meta.get('general.alignment', 32); start = (p + al - 1)//al*al
    tensors = {}
    for name, dims, t, off in infos:
        n = int(np.prod(dims))
        if t == 0: a = np.frombuffer(b, np.float32, n, start+off)
        elif t == 1: a = np.frombuffer(b, np.float16, n, start+off).astype(np.float32)
        elif t == 8:
            blk = np.frombuffer(b, np.uint8, n//32*34, start+off).reshape(-1,34)
            d = blk[:,:2].copy().view(np.float16).astype(np.float32)
            q = blk[:,2:].copy().view(np.int8).astype(np.float32)
            a = (q*d).reshape(-1)
        tensors[name] = a.reshape(list(reversed(dims))).astype(np.float64)
    return meta, tensors

meta, T = read_gguf(sys.argv[1])
tokens = [int(x) for x in sys.argv[2].split(',')]
dim = meta['llama.embedding_length']; L = meta['llama.block_count']; H = meta['llama.attention.head_count']; KVH = meta['llama.attention.head_count_kv']
hd = dim // H; eps = meta['llama.attention.layer_norm_rms_epsilon']; base = meta['llama.rope.freq_base']
def rms(x, w): return x / np.sqrt((x*x).mean(-1, keepdims=True) + eps) * w
def rope(x, pos):  # x: [n, heads, hd], adjacent pairs
    j = np.arange(hd//2); freq = base ** (-2.0*j/hd); ang = pos[:,None]*freq[None,:]
    c = np.cos(ang)[:,None,:]; s = np.sin(ang)[:,None,:]
    a = x[...,0::2]; b2 = x[...,1::2]; out = np.empty_like(x)
    out[...,0::2] = a*c - b2*s; out[...,1::2] = a*s + b2*c; return out
n = len(tokens); pos = np.arange(n, dtype=np.float64)
x = T['token_embd.weight'][tokens]
for l in range(L):
    g = lambda k: T['blk.%d.%s' % (l, k)]
    h = rms(x, g('attn_norm.weight'))
    q = (h @ g('attn_q.weight').T).reshape(n, H, hd); k = (h @ g('attn_k.weight').T).reshape(n, KVH, hd); v = (h @ g('attn_v.weight').T).reshape(n, KVH, hd)
    q = rope(q, pos); k = rope(k, pos)
    k = np.repeat(k, H//KVH, axis=1); v = np.repeat(v, H//KVH, axis=1)
    att = np.einsum('ihd,jhd->hij', q, k) / np.sqrt(hd)
    att = att + np.triu(np.full((n,n), -np.inf), 1)[None]
    att = np.exp(att - att.max(-1, keepdims=True)); att /= att.sum(-1, keepdims=True)
    o = np.einsum('hij,jhd->ihd', att, v).reshape(n, dim)
    x = x + o @ g('attn_output.weight').T
    h = rms(x, g('ffn_norm.weight'))
    gt = h @ g('ffn_gate.weight').T; up = h @ g('ffn_up.weight').T
    x = x + ((gt / (1 + np.exp(-gt))) * up) @ g('ffn_down.weight').T
out = T.get('output.weight', T['token_embd.weight'])
logits = rms(x[-1], T['output_norm.weight']) @ out.T
np.savetxt(sys.argv[3], logits)
