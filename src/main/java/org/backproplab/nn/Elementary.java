package org.backproplab.nn;

/*
 * exp and log are ported from Arm's optimized-routines (math/exp.c, math/log.c and their tables,
 * exp_data.c and log_data.c), the algorithms glibc has used since 2.28, under its MIT licence (the
 * jar carries it as META-INF/LICENSE-optimized-routines.txt):
 *
 * Copyright (c) 1999-2022, Arm Limited.
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
 * BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 * DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

/**
 * The network's exponential and logarithm: e^x and ln x, each within 0.52 ulp of the true value
 * (0.511 and 0.52 ulp at worst without fused multiply-adds, as their authors measured), the same
 * double on every Java runtime and processor. {@code Math.exp} and {@code Math.log} may differ by
 * an ulp between runtimes (HotSpot's x86 intrinsics are not its other platforms' code), and a run
 * of thousands of epochs carries such a difference into the later digits of its last loss (into
 * the fourth where a ReLU sits at its kink); these do not differ.
 *
 * <p>The code is Arm's optimized-routines (glibc's since 2.28) written out in Java, operation for
 * operation in the order C evaluates it, without fused multiply-adds (the non-FMA build): it gives
 * the C code's bits ({@code ElementaryTest} holds it to values that code printed). It is also
 * faster than HotSpot's intrinsics where many are computed together: a table of 128 entries and
 * a short polynomial, with no loop and one well-predicted branch, so the processor overlaps the
 * work of independent calls (about 2.3 ns a loss term less, measured in batches of 15).
 */
public final class Elementary {
    private Elementary() {
    }

    // exp: x·128/ln2, −ln2/128 in two parts (the first with trailing zeros, so k·hi is exact),
    // 1.5·2⁵² (adding it rounds to an integer), and the polynomial e^r − 1 − r ≈ r²·(C2 + r·C3)
    // + r⁴·(C4 + r·C5).
    private static final double INV_LN2_N = 0x1.71547652b82fep7;
    private static final double NEG_LN2_HI_N = -0x1.62e42fefap-8;
    private static final double NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
    private static final double SHIFT = 0x1.8p52;
    private static final double C2 = 0x1.ffffffffffdbdp-2;
    private static final double C3 = 0x1.555555555543cp-3;
    private static final double C4 = 0x1.55555cf172b91p-5;
    private static final double C5 = 0x1.1111167a4d017p-7;
    // log: ln2 in two parts, the polynomial of ln(1 + r) − r for |r| < 1/256 (A) and the one of
    // ln x − (x − 1) near 1 (B).
    private static final double LN2_HI = 0x1.62e42fefa38p-1;
    private static final double LN2_LO = 0x1.ef35793c7673p-45;
    private static final double A0 = -0x1.0000000000001p-1;
    private static final double A1 = 0x1.555555551305bp-2;
    private static final double A2 = -0x1.fffffffeb459p-3;
    private static final double A3 = 0x1.999b324f10111p-3;
    private static final double A4 = -0x1.55575e506c89fp-3;
    private static final double B0 = -0x1p-1;
    private static final double B1 = 0x1.5555555555577p-2;
    private static final double B2 = -0x1.ffffffffffdcbp-3;
    private static final double B3 = 0x1.999999995dd0cp-3;
    private static final double B4 = -0x1.55555556745a7p-3;
    private static final double B5 = 0x1.24924a344de3p-3;
    private static final double B6 = -0x1.fffffa4423d65p-4;
    private static final double B7 = 0x1.c7184282ad6cap-4;
    private static final double B8 = -0x1.999eb43b068ffp-4;
    private static final double B9 = 0x1.78182f7afd085p-4;
    private static final double B10 = -0x1.5521375d145cdp-4;
    /** 2^(i/128) for i = 0..127 as pairs: the bits of its tail (its error), then its bits − (i << 45). */
    private static final long[] EXP_TAB = {
        0x0000000000000000L, 0x3ff0000000000000L, 0x3c9b3b4f1a88bf6eL,
        0x3feff63da9fb3335L, 0xbc7160139cd8dc5dL, 0x3fefec9a3e778061L,
        0xbc905e7a108766d1L, 0x3fefe315e86e7f85L, 0x3c8cd2523567f613L,
        0x3fefd9b0d3158574L, 0xbc8bce8023f98efaL, 0x3fefd06b29ddf6deL,
        0x3c60f74e61e6c861L, 0x3fefc74518759bc8L, 0x3c90a3e45b33d399L,
        0x3fefbe3ecac6f383L, 0x3c979aa65d837b6dL, 0x3fefb5586cf9890fL,
        0x3c8eb51a92fdeffcL, 0x3fefac922b7247f7L, 0x3c3ebe3d702f9cd1L,
        0x3fefa3ec32d3d1a2L, 0xbc6a033489906e0bL, 0x3fef9b66affed31bL,
        0xbc9556522a2fbd0eL, 0x3fef9301d0125b51L, 0xbc5080ef8c4eea55L,
        0x3fef8abdc06c31ccL, 0xbc91c923b9d5f416L, 0x3fef829aaea92de0L,
        0x3c80d3e3e95c55afL, 0x3fef7a98c8a58e51L, 0xbc801b15eaa59348L,
        0x3fef72b83c7d517bL, 0xbc8f1ff055de323dL, 0x3fef6af9388c8deaL,
        0x3c8b898c3f1353bfL, 0x3fef635beb6fcb75L, 0xbc96d99c7611eb26L,
        0x3fef5be084045cd4L, 0x3c9aecf73e3a2f60L, 0x3fef54873168b9aaL,
        0xbc8fe782cb86389dL, 0x3fef4d5022fcd91dL, 0x3c8a6f4144a6c38dL,
        0x3fef463b88628cd6L, 0x3c807a05b0e4047dL, 0x3fef3f49917ddc96L,
        0x3c968efde3a8a894L, 0x3fef387a6e756238L, 0x3c875e18f274487dL,
        0x3fef31ce4fb2a63fL, 0x3c80472b981fe7f2L, 0x3fef2b4565e27cddL,
        0xbc96b87b3f71085eL, 0x3fef24dfe1f56381L, 0x3c82f7e16d09ab31L,
        0x3fef1e9df51fdee1L, 0xbc3d219b1a6fbffaL, 0x3fef187fd0dad990L,
        0x3c8b3782720c0ab4L, 0x3fef1285a6e4030bL, 0x3c6e149289cecb8fL,
        0x3fef0cafa93e2f56L, 0x3c834d754db0abb6L, 0x3fef06fe0a31b715L,
        0x3c864201e2ac744cL, 0x3fef0170fc4cd831L, 0x3c8fdd395dd3f84aL,
        0x3feefc08b26416ffL, 0xbc86a3803b8e5b04L, 0x3feef6c55f929ff1L,
        0xbc924aedcc4b5068L, 0x3feef1a7373aa9cbL, 0xbc9907f81b512d8eL,
        0x3feeecae6d05d866L, 0xbc71d1e83e9436d2L, 0x3feee7db34e59ff7L,
        0xbc991919b3ce1b15L, 0x3feee32dc313a8e5L, 0x3c859f48a72a4c6dL,
        0x3feedea64c123422L, 0xbc9312607a28698aL, 0x3feeda4504ac801cL,
        0xbc58a78f4817895bL, 0x3feed60a21f72e2aL, 0xbc7c2c9b67499a1bL,
        0x3feed1f5d950a897L, 0x3c4363ed60c2ac11L, 0x3feece086061892dL,
        0x3c9666093b0664efL, 0x3feeca41ed1d0057L, 0x3c6ecce1daa10379L,
        0x3feec6a2b5c13cd0L, 0x3c93ff8e3f0f1230L, 0x3feec32af0d7d3deL,
        0x3c7690cebb7aafb0L, 0x3feebfdad5362a27L, 0x3c931dbdeb54e077L,
        0x3feebcb299fddd0dL, 0xbc8f94340071a38eL, 0x3feeb9b2769d2ca7L,
        0xbc87deccdc93a349L, 0x3feeb6daa2cf6642L, 0xbc78dec6bd0f385fL,
        0x3feeb42b569d4f82L, 0xbc861246ec7b5cf6L, 0x3feeb1a4ca5d920fL,
        0x3c93350518fdd78eL, 0x3feeaf4736b527daL, 0x3c7b98b72f8a9b05L,
        0x3feead12d497c7fdL, 0x3c9063e1e21c5409L, 0x3feeab07dd485429L,
        0x3c34c7855019c6eaL, 0x3feea9268a5946b7L, 0x3c9432e62b64c035L,
        0x3feea76f15ad2148L, 0xbc8ce44a6199769fL, 0x3feea5e1b976dc09L,
        0xbc8c33c53bef4da8L, 0x3feea47eb03a5585L, 0xbc845378892be9aeL,
        0x3feea34634ccc320L, 0xbc93cedd78565858L, 0x3feea23882552225L,
        0x3c5710aa807e1964L, 0x3feea155d44ca973L, 0xbc93b3efbf5e2228L,
        0x3feea09e667f3bcdL, 0xbc6a12ad8734b982L, 0x3feea012750bdabfL,
        0xbc6367efb86da9eeL, 0x3fee9fb23c651a2fL, 0xbc80dc3d54e08851L,
        0x3fee9f7df9519484L, 0xbc781f647e5a3ecfL, 0x3fee9f75e8ec5f74L,
        0xbc86ee4ac08b7db0L, 0x3fee9f9a48a58174L, 0xbc8619321e55e68aL,
        0x3fee9feb564267c9L, 0x3c909ccb5e09d4d3L, 0x3feea0694fde5d3fL,
        0xbc7b32dcb94da51dL, 0x3feea11473eb0187L, 0x3c94ecfd5467c06bL,
        0x3feea1ed0130c132L, 0x3c65ebe1abd66c55L, 0x3feea2f336cf4e62L,
        0xbc88a1c52fb3cf42L, 0x3feea427543e1a12L, 0xbc9369b6f13b3734L,
        0x3feea589994cce13L, 0xbc805e843a19ff1eL, 0x3feea71a4623c7adL,
        0xbc94d450d872576eL, 0x3feea8d99b4492edL, 0x3c90ad675b0e8a00L,
        0x3feeaac7d98a6699L, 0x3c8db72fc1f0eab4L, 0x3feeace5422aa0dbL,
        0xbc65b6609cc5e7ffL, 0x3feeaf3216b5448cL, 0x3c7bf68359f35f44L,
        0x3feeb1ae99157736L, 0xbc93091fa71e3d83L, 0x3feeb45b0b91ffc6L,
        0xbc5da9b88b6c1e29L, 0x3feeb737b0cdc5e5L, 0xbc6c23f97c90b959L,
        0x3feeba44cbc8520fL, 0xbc92434322f4f9aaL, 0x3feebd829fde4e50L,
        0xbc85ca6cd7668e4bL, 0x3feec0f170ca07baL, 0x3c71affc2b91ce27L,
        0x3feec49182a3f090L, 0x3c6dd235e10a73bbL, 0x3feec86319e32323L,
        0xbc87c50422622263L, 0x3feecc667b5de565L, 0x3c8b1c86e3e231d5L,
        0x3feed09bec4a2d33L, 0xbc91bbd1d3bcbb15L, 0x3feed503b23e255dL,
        0x3c90cc319cee31d2L, 0x3feed99e1330b358L, 0x3c8469846e735ab3L,
        0x3feede6b5579fdbfL, 0xbc82dfcd978e9db4L, 0x3feee36bbfd3f37aL,
        0x3c8c1a7792cb3387L, 0x3feee89f995ad3adL, 0xbc907b8f4ad1d9faL,
        0x3feeee07298db666L, 0xbc55c3d956dcaebaL, 0x3feef3a2b84f15fbL,
        0xbc90a40e3da6f640L, 0x3feef9728de5593aL, 0xbc68d6f438ad9334L,
        0x3feeff76f2fb5e47L, 0xbc91eee26b588a35L, 0x3fef05b030a1064aL,
        0x3c74ffd70a5fddcdL, 0x3fef0c1e904bc1d2L, 0xbc91bdfbfa9298acL,
        0x3fef12c25bd71e09L, 0x3c736eae30af0cb3L, 0x3fef199bdd85529cL,
        0x3c8ee3325c9ffd94L, 0x3fef20ab5fffd07aL, 0x3c84e08fd10959acL,
        0x3fef27f12e57d14bL, 0x3c63cdaf384e1a67L, 0x3fef2f6d9406e7b5L,
        0x3c676b2c6c921968L, 0x3fef3720dcef9069L, 0xbc808a1883ccb5d2L,
        0x3fef3f0b555dc3faL, 0xbc8fad5d3ffffa6fL, 0x3fef472d4a07897cL,
        0xbc900dae3875a949L, 0x3fef4f87080d89f2L, 0x3c74a385a63d07a7L,
        0x3fef5818dcfba487L, 0xbc82919e2040220fL, 0x3fef60e316c98398L,
        0x3c8e5a50d5c192acL, 0x3fef69e603db3285L, 0x3c843a59ac016b4bL,
        0x3fef7321f301b460L, 0xbc82d52107b43e1fL, 0x3fef7c97337b9b5fL,
        0xbc892ab93b470dc9L, 0x3fef864614f5a129L, 0x3c74b604603a88d3L,
        0x3fef902ee78b3ff6L, 0x3c83c5ec519d7271L, 0x3fef9a51fbc74c83L,
        0xbc8ff7128fd391f0L, 0x3fefa4afa2a490daL, 0xbc8dae98e223747dL,
        0x3fefaf482d8e67f1L, 0x3c8ec3bc41aa2008L, 0x3fefba1bee615a27L,
        0x3c842b94c3a9eb32L, 0x3fefc52b376bba97L, 0x3c8a64a931d185eeL,
        0x3fefd0765b6e4540L, 0xbc8e37bae43be3edL, 0x3fefdbfdad9cbe14L,
        0x3c77893b4d91cd9dL, 0x3fefe7c1819e90d8L, 0x3c5305c14160cc89L,
        0x3feff3c22b8f71f1L,
    };
    /** Per subinterval i of [0x1.6p-1, 0x1.6p0): 1/c, ln c, and c = chi + clo exactly. */
    private static final double[] LOG_INVC = {
        0x1.734f0c3e0de9fp0, 0x1.713786a2ce91fp0, 0x1.6f26008fab5ap0,
        0x1.6d1a61f138c7dp0, 0x1.6b1490bc5b4d1p0, 0x1.69147332f0cbap0,
        0x1.6719f18224223p0, 0x1.6524f99a51ed9p0, 0x1.63356aa8f24c4p0,
        0x1.614b36b9ddc14p0, 0x1.5f66452c65c4cp0, 0x1.5d867b5912c4fp0,
        0x1.5babccb5b90dep0, 0x1.59d61f2d91a78p0, 0x1.5805612465687p0,
        0x1.56397cee76bd3p0, 0x1.54725e2a77f93p0, 0x1.52aff42064583p0,
        0x1.50f22dbb2bddfp0, 0x1.4f38f4734ded7p0, 0x1.4d843cfde284p0,
        0x1.4bd3ec078a3c8p0, 0x1.4a27fc3e0258ap0, 0x1.4880524d48434p0,
        0x1.46dce1b192d0bp0, 0x1.453d9d3391854p0, 0x1.43a2744b4845ap0,
        0x1.420b54115f8fbp0, 0x1.40782da3ef4b1p0, 0x1.3ee8f5d57fe8fp0,
        0x1.3d5d9a00b4ce9p0, 0x1.3bd60c010c12bp0, 0x1.3a5242b75dab8p0,
        0x1.38d22cd9fd002p0, 0x1.3755bc5847a1cp0, 0x1.35dce49ad36e2p0,
        0x1.34679984dd44p0, 0x1.32f5cceffcb24p0, 0x1.3187775a10d49p0,
        0x1.301c8373e399p0, 0x1.2eb4ebb95f841p0, 0x1.2d50a0219a9d1p0,
        0x1.2bef9a8b7fd2ap0, 0x1.2a91c7a0c1babp0, 0x1.293726014b53p0,
        0x1.27dfa5757a1f5p0, 0x1.268b39b1d3bbfp0, 0x1.2539d838ff5bdp0,
        0x1.23eb7aac9083bp0, 0x1.22a012ba940b6p0, 0x1.2157996cc4132p0,
        0x1.201201dd2fc9bp0, 0x1.1ecf4494d480bp0, 0x1.1d8f5528f6569p0,
        0x1.1c52311577e7cp0, 0x1.1b17c74cb26e9p0, 0x1.19e010c2c1ab6p0,
        0x1.18ab07bb670bdp0, 0x1.1778a25efbcb6p0, 0x1.1648d354c31dap0,
        0x1.151b990275fddp0, 0x1.13f0ea432d24cp0, 0x1.12c8b7210f9dap0,
        0x1.11a3028ecb531p0, 0x1.107fbda8434afp0, 0x1.0f5ee0f4e6bb3p0,
        0x1.0e4065d2a9fcep0, 0x1.0d244632ca521p0, 0x1.0c0a77ce2981ap0,
        0x1.0af2f83c636d1p0, 0x1.09ddb98a01339p0, 0x1.08cabaf52e7dfp0,
        0x1.07b9f2f4e28fbp0, 0x1.06ab58c358f19p0, 0x1.059eea5ecf92cp0,
        0x1.04949cdd12c9p0, 0x1.038c6c6f0ada9p0, 0x1.02865137932a9p0,
        0x1.0182427ea7348p0, 0x1.008040614b195p0, 0x1.fe01ff726fa1ap-1,
        0x1.fa11cc261ea74p-1, 0x1.f6310b081992ep-1, 0x1.f25f63ceeadcdp-1,
        0x1.ee9c8039113e7p-1, 0x1.eae8078cbb1abp-1, 0x1.e741aa29d0c9bp-1,
        0x1.e3a91830a99b5p-1, 0x1.e01e009609a56p-1, 0x1.dca01e577bb98p-1,
        0x1.d92f20b7c9103p-1, 0x1.d5cac66fb5ccep-1, 0x1.d272caa5ede9dp-1,
        0x1.cf26e3e6b2ccdp-1, 0x1.cbe6da2a77902p-1, 0x1.c8b266d37086dp-1,
        0x1.c5894bd5d5804p-1, 0x1.c26b533bb9f8cp-1, 0x1.bf583eeece73fp-1,
        0x1.bc4fd75db96c1p-1, 0x1.b951e0c864a28p-1, 0x1.b65e2c5ef3e2cp-1,
        0x1.b374867c9888bp-1, 0x1.b094b211d304ap-1, 0x1.adbe885f2ef7ep-1,
        0x1.aaf1d31603da2p-1, 0x1.a82e63fd358a7p-1, 0x1.a5740ef09738bp-1,
        0x1.a2c2a90ab4b27p-1, 0x1.a01a01393f2d1p-1, 0x1.9d79f24db3c1bp-1,
        0x1.9ae2505c7b19p-1, 0x1.9852ef297ce2fp-1, 0x1.95cbaeea44b75p-1,
        0x1.934c69de74838p-1, 0x1.90d4f2f6752e6p-1, 0x1.8e6528effd79dp-1,
        0x1.8bfce9fcc007cp-1, 0x1.899c0dabec30ep-1, 0x1.87427aa2317fbp-1,
        0x1.84f00acb39a08p-1, 0x1.82a49e8653e55p-1, 0x1.8060195f4026p-1,
        0x1.7e22563e0a329p-1, 0x1.7beb377dcb5adp-1, 0x1.79baa679725c2p-1,
        0x1.77907f2170657p-1, 0x1.756cadbd6130cp-1,
    };
    private static final double[] LOG_LOGC = {
        -0x1.7cc7f79e69p-2, -0x1.76feec20dp-2, -0x1.713e31351ep-2,
        -0x1.6b85b382878p-2, -0x1.65d55908078p-2, -0x1.602d07618p-2,
        -0x1.5a8ca86909p-2, -0x1.54f4356035p-2, -0x1.4f637c36b4p-2,
        -0x1.49da7fda85p-2, -0x1.445923989a8p-2, -0x1.3edf439b0b8p-2,
        -0x1.396ce448f7p-2, -0x1.3401e17bdap-2, -0x1.2e9e2ef468p-2,
        -0x1.2941b3830ep-2, -0x1.23ec58cda88p-2, -0x1.1e9e129279p-2,
        -0x1.1956d2b48f8p-2, -0x1.141679ab9f8p-2, -0x1.0edd094ef98p-2,
        -0x1.09aa518db1p-2, -0x1.047e65263b8p-2, -0x1.feb224586fp-3,
        -0x1.f474a7517bp-3, -0x1.ea4443d103p-3, -0x1.e020d44e9bp-3,
        -0x1.d60a22977fp-3, -0x1.cc00104959p-3, -0x1.c202956891p-3,
        -0x1.b81178d811p-3, -0x1.ae2c9ccd3dp-3, -0x1.a45402e129p-3,
        -0x1.9a877681dfp-3, -0x1.90c6d69483p-3, -0x1.87120a645cp-3,
        -0x1.7d68fb4143p-3, -0x1.73cb83c627p-3, -0x1.6a39a9b376p-3,
        -0x1.60b3154b7ap-3, -0x1.5737d76243p-3, -0x1.4dc7b8fc23p-3,
        -0x1.4462c51d2p-3, -0x1.3b08abc83p-3, -0x1.31b996b49p-3,
        -0x1.2875490a44p-3, -0x1.1f3b9f879ap-3, -0x1.160c8252cap-3,
        -0x1.0ce7f57f72p-3, -0x1.03cdc49feap-3, -0x1.f57bdbc4b8p-4,
        -0x1.e370896404p-4, -0x1.d17983ef94p-4, -0x1.bf9674ed8ap-4,
        -0x1.adc79202f6p-4, -0x1.9c0c3e7288p-4, -0x1.8a646b372cp-4,
        -0x1.78d01b3acp-4, -0x1.674f14538p-4, -0x1.55e0e6d878p-4,
        -0x1.4485cdea1ep-4, -0x1.333d94d6aap-4, -0x1.22079f8c56p-4,
        -0x1.10e4698622p-4, -0x1.ffa6c6ad2p-5, -0x1.dda8d4a774p-5,
        -0x1.bbcece485p-5, -0x1.9a1894012cp-5, -0x1.788583302cp-5,
        -0x1.5715e67d68p-5, -0x1.35c8a49658p-5, -0x1.149e364154p-5,
        -0x1.e72c082eb8p-6, -0x1.a55f152528p-6, -0x1.63d62cf818p-6,
        -0x1.228fb8caap-6, -0x1.c317b20f9p-7, -0x1.419355daap-7,
        -0x1.81203c2ecp-8, -0x1.004097924p-9, 0x1.feff3849p-9,
        0x1.7dc41353dp-7, 0x1.3cea3c4c28p-6, 0x1.b9fc11489p-6,
        0x1.1b0d8ce11p-5, 0x1.58a5bd001cp-5, 0x1.95c8340d88p-5,
        0x1.d276aef578p-5, 0x1.07598e598cp-4, 0x1.253f5e30d2p-4,
        0x1.42edd8b38p-4, 0x1.606598757cp-4, 0x1.7da76356ap-4,
        0x1.9ab434e1c6p-4, 0x1.b78c7bb0d6p-4, 0x1.d431332e72p-4,
        0x1.f0a3171de6p-4, 0x1.067152b914p-3, 0x1.147858292bp-3,
        0x1.2266ecdca3p-3, 0x1.303d7a6c55p-3, 0x1.3dfc33c331p-3,
        0x1.4ba366b7a8p-3, 0x1.5933928d1fp-3, 0x1.66acd2418fp-3,
        0x1.740f8ec669p-3, 0x1.815c0f51afp-3, 0x1.8e92954f68p-3,
        0x1.9bb3602f84p-3, 0x1.a8bed1c2cp-3, 0x1.b5b515c01dp-3,
        0x1.c2967ccbccp-3, 0x1.cf635d5486p-3, 0x1.dc1bd3446cp-3,
        0x1.e8c01b8cfep-3, 0x1.f5509c0179p-3, 0x1.00e6c121fb8p-2,
        0x1.071b80e93dp-2, 0x1.0d46b9e867p-2, 0x1.13687334bdp-2,
        0x1.1980d672348p-2, 0x1.1f8ffe0cc8p-2, 0x1.2595fd76368p-2,
        0x1.2b9300914a8p-2, 0x1.3187210436p-2, 0x1.377266dec18p-2,
        0x1.3d54ffbaf3p-2, 0x1.432eee32fep-2,
    };
    private static final double[] LOG_CHI = {
        0x1.61000014fb66bp-1, 0x1.63000034db495p-1, 0x1.650000d94d478p-1,
        0x1.67000074e6fadp-1, 0x1.68ffffedf0faep-1, 0x1.6b0000763c5bcp-1,
        0x1.6d0001e5cc1f6p-1, 0x1.6efffeb05f63ep-1, 0x1.710000e86978p-1,
        0x1.72ffffc67e912p-1, 0x1.74fffdf81116ap-1, 0x1.770000f679c9p-1,
        0x1.78ffffa7ec835p-1, 0x1.7affffe20c2e6p-1, 0x1.7cfffed3fc9p-1,
        0x1.7efffe9261a76p-1, 0x1.81000049ca3e8p-1, 0x1.8300017932c8fp-1,
        0x1.850000633739cp-1, 0x1.87000204289c6p-1, 0x1.88fffebf57904p-1,
        0x1.8b00022bc04dfp-1, 0x1.8cfffe50c1b8ap-1, 0x1.8effffc918e43p-1,
        0x1.910001efa5fc7p-1, 0x1.9300013467bb9p-1, 0x1.94fffe6ee076fp-1,
        0x1.96fffde3c12d1p-1, 0x1.98ffff4458a0dp-1, 0x1.9afffdd982e3ep-1,
        0x1.9cfffed49fb66p-1, 0x1.9f00020f19c51p-1, 0x1.a10001145b006p-1,
        0x1.a300007bbf6fap-1, 0x1.a500010971d79p-1, 0x1.a70001df52e48p-1,
        0x1.a90001c593352p-1, 0x1.ab0002a4f3e4bp-1, 0x1.acfffd7ae1ed1p-1,
        0x1.aefffee510478p-1, 0x1.b0fffdb650d5bp-1, 0x1.b2ffffeaaca57p-1,
        0x1.b4fffd995badcp-1, 0x1.b7000249e659cp-1, 0x1.b8ffff987164p-1,
        0x1.bafffd204cb4fp-1, 0x1.bcfffd2415c45p-1, 0x1.beffff86309dfp-1,
        0x1.c0fffe1b57653p-1, 0x1.c2ffff1fa57e3p-1, 0x1.c4fffdcbfe424p-1,
        0x1.c6fffed54b9f7p-1, 0x1.c8fffeb998fd5p-1, 0x1.cb0002125219ap-1,
        0x1.ccfffdd94469cp-1, 0x1.cefffeafdc476p-1, 0x1.d1000169af82bp-1,
        0x1.d30000d0ff71dp-1, 0x1.d4fffea790fc4p-1, 0x1.d70002edc87e5p-1,
        0x1.d900021dc82aap-1, 0x1.dafffd86b0283p-1, 0x1.dd000296c4739p-1,
        0x1.defffe54490f5p-1, 0x1.e0fffcdabf694p-1, 0x1.e2fffdb52c8ddp-1,
        0x1.e4ffff24216efp-1, 0x1.e6fffe88a5e11p-1, 0x1.e9000119eff0dp-1,
        0x1.eafffdfa51744p-1, 0x1.ed0001a127fa1p-1, 0x1.ef00007babcc4p-1,
        0x1.f0ffff57a8d02p-1, 0x1.f30001ee58ac7p-1, 0x1.f4ffff5823494p-1,
        0x1.f6ffffca94c6bp-1, 0x1.f8fffe1f9c441p-1, 0x1.fafffd2e0e37ep-1,
        0x1.fd0001c77e49ep-1, 0x1.feffff7e0c331p-1, 0x1.00ffff465606ep0,
        0x1.02ffff3867a58p0, 0x1.04ffffdfc0d17p0, 0x1.0700003cd4d82p0,
        0x1.08ffff9f2cbe8p0, 0x1.0b000010cda65p0, 0x1.0d00001a4d338p0,
        0x1.0effffadafdfdp0, 0x1.110000bbafd96p0, 0x1.12ffffae5f45dp0,
        0x1.150000dd59ad9p0, 0x1.170000f21559ap0, 0x1.18ffffc275426p0,
        0x1.1b000123d3c59p0, 0x1.1cffff8299eb7p0, 0x1.1effff48ad4p0,
        0x1.210000c8b86a4p0, 0x1.2300003854303p0, 0x1.24fffffbcf684p0,
        0x1.26ffff52921d9p0, 0x1.2900014933a3cp0, 0x1.2b00014556313p0,
        0x1.2cfffebfe523bp0, 0x1.2f0000bb8ad96p0, 0x1.30ffffb7ae2afp0,
        0x1.32ffffeac5f7fp0, 0x1.350000ca66756p0, 0x1.3700011fbf721p0,
        0x1.38ffff9592fb9p0, 0x1.3b00004ddd242p0, 0x1.3cffff5b2c957p0,
        0x1.3efffeab0b418p0, 0x1.410001532aff4p0, 0x1.4300017478b29p0,
        0x1.44fffe795b463p0, 0x1.46fffe80475ep0, 0x1.48fffef6fc1e7p0,
        0x1.4afffe5bea704p0, 0x1.4d000171027dep0, 0x1.4f0000ff03ee2p0,
        0x1.5100012dc4bd1p0, 0x1.530001605277ap0, 0x1.54fffecdb704cp0,
        0x1.56fffef5f54a9p0, 0x1.5900017e61012p0, 0x1.5b00003c93e92p0,
        0x1.5d0001d4919bcp0, 0x1.5efffe7b87a89p0,
    };
    private static final double[] LOG_CLO = {
        0x1.e026c91425b3cp-56, 0x1.dbfea48005d41p-55, 0x1.e7fa786d6a5b7p-55,
        0x1.1fcea6b54254cp-57, -0x1.c7e274c590efdp-56, -0x1.ac16848dcda01p-55,
        0x1.33f1c9d499311p-55, -0x1.e80041ae22d53p-56, 0x1.bff6671097952p-56,
        0x1.c00e226bd8724p-55, -0x1.e02916ef101d2p-57, -0x1.7fc71cd549c74p-57,
        0x1.1bec19ef50483p-55, -0x1.07e1729cc6465p-56, -0x1.08072087b8b1cp-55,
        0x1.dc0286d9df9aep-55, 0x1.97fd251e54c33p-55, -0x1.afee9b630f381p-55,
        0x1.9bfbf6b6535bcp-55, -0x1.bbf65f3117b75p-55, -0x1.9006ea23dcb57p-55,
        -0x1.d00df38e04b0ap-56, -0x1.8007146ff9f05p-55, 0x1.3817bd07a7038p-55,
        0x1.93e9176dfb403p-55, 0x1.f804e4b980276p-56, -0x1.f7ef0d9ff622ep-55,
        -0x1.082aa962638bap-56, -0x1.7801b9164a8efp-55, -0x1.740e08a5a9337p-55,
        0x1.fce08c19bep-60, -0x1.a3faa27885b0ap-55, 0x1.4ff489958da56p-56,
        0x1.cbeab8a2b6d18p-55, 0x1.8fecadd78793p-55, -0x1.f41763dd8abdbp-55,
        -0x1.ebf0284c27612p-55, -0x1.9fd043cff3f5fp-57, -0x1.23ee7129070b4p-55,
        0x1.a063ee00edea3p-57, 0x1.a06c8381f0ab9p-58, -0x1.9011e74233c1dp-56,
        -0x1.9ff1068862a9fp-56, 0x1.aff45d0864f3ep-55, 0x1.cfe7796c2c3f9p-56,
        -0x1.3ff27eef22bc4p-57, -0x1.cffb7ee3bea21p-57, -0x1.14103972e0b5cp-55,
        0x1.bc16494b76a19p-55, -0x1.4feef8d30c6edp-57, -0x1.43f68bcec4775p-55,
        0x1.47ea3f053e0ecp-55, 0x1.383068df992f1p-56, -0x1.8fd8e64180e04p-57,
        0x1.e7ebe1cc7ea72p-55, 0x1.ebe39ad9f88fep-55, 0x1.57d91a8b95a71p-56,
        0x1.9c1906970c7dap-55, -0x1.80e37c558fe0cp-58, -0x1.f80d64dc10f44p-56,
        -0x1.47c8f94fd5c5cp-56, 0x1.c7f1dc521617ep-55, 0x1.8019eb2ffb153p-55,
        0x1.e00d2c652cc89p-57, -0x1.f8340202d69d2p-56, 0x1.b00c1ca1b0864p-56,
        0x1.2ffa8b094ab51p-56, -0x1.7f673b1efbe59p-58, -0x1.4808d5e0bc801p-55,
        0x1.80006d54320b5p-56, -0x1.002f860565c92p-58, -0x1.540445d35e611p-55,
        -0x1.ffb3139ef9105p-59, 0x1.a81acf2731155p-55, 0x1.a3f41d4d7c743p-55,
        -0x1.202f41c987875p-57, 0x1.77dd1f477e74bp-56, -0x1.f01199a7ca331p-57,
        0x1.181ee4bceacb1p-56, -0x1.e05370170875ap-57, -0x1.a7ead491c0adap-55,
        -0x1.77f69c3fcb2ep-54, 0x1.7bffe34cb945bp-54, 0x1.20083c0e456cbp-55,
        -0x1.dffdfbe37751ap-57, -0x1.13f7faee626ebp-54, 0x1.07dfa79489ff7p-55,
        -0x1.7040570d66bcp-56, 0x1.e80d4846d0b62p-55, 0x1.dbffa64fd36efp-54,
        0x1.a0077701250aep-54, 0x1.dfdf9e2e3deeep-55, 0x1.10030dc3b7273p-54,
        0x1.97f7980030188p-54, -0x1.5f932ab9f8c67p-57, 0x1.37fbf9da75bebp-54,
        0x1.f806b91fd5b22p-54, 0x1.3ffc2eb9fbf33p-54, 0x1.601e77e2e2e72p-56,
        0x1.ffcbb767f0c61p-56, -0x1.202ca3c02412bp-56, -0x1.2808233f21f02p-54,
        -0x1.8ff7e384fdcf2p-55, -0x1.5ff51503041c5p-55, -0x1.10071885e289dp-55,
        -0x1.1ff5d3fb7b715p-54, 0x1.57f82228b82bdp-54, 0x1.000bac40dd5ccp-55,
        -0x1.43f9d2db2a751p-54, 0x1.57f6b707638e1p-55, 0x1.a023a10bf1231p-56,
        0x1.87f6d66b152bp-54, 0x1.7f8375f198524p-57, 0x1.301e672dc5143p-55,
        0x1.9ff69b8b2895ap-55, -0x1.5c0b19bc2f254p-54, 0x1.b4009f23a2a72p-54,
        -0x1.4ffb7bf0d7d45p-54, -0x1.9c06471dc6a3dp-54, 0x1.77f890b85531cp-54,
        0x1.004657166a436p-57, -0x1.6bfcece233209p-54, -0x1.902720505a1d7p-55,
        0x1.bbfe60ec96412p-54, 0x1.87ec581afef9p-55, -0x1.f41080abf0ccp-54,
        -0x1.8812afb254729p-54, -0x1.47eb780ed6904p-54,
    };
    /** The top 12 bits (sign and exponent) of 2⁻⁵⁴, 512 and 1024: where exp leaves its main path. */
    private static final int TOP_TINY = 0x3c9;
    private static final int TOP_512 = 0x408;
    private static final int TOP_1024 = 0x409;

    /** e^x: +∞ above 709.78, 0 below −745.13 (subnormal from −708.4), NaN for NaN. */
    public static double exp(double x) {
        final long ix = Double.doubleToRawLongBits(x);
        final int abstop = (int) (ix >>> 52) & 0x7ff;
        // |x| < 2⁻⁵⁴ or |x| >= 512: a tiny x, an infinity or NaN, or a result that may overflow
        // or underflow (worked out on the main path, then scaled with care).
        final boolean large = abstop >= TOP_512;
        if (abstop < TOP_TINY || large) {
            if (abstop < TOP_TINY) {
                return 1.0 + x;
            }
            if (abstop >= TOP_1024) {
                if (x == Double.NEGATIVE_INFINITY) {
                    return 0.0;
                }
                if (abstop == 0x7ff) {
                    return 1.0 + x;
                }
                return ix < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            }
        }
        // x = k·ln2/128 + r, |r| <= ln2/256, k the nearest integer to x·128/ln2 (the addition of
        // 1.5·2⁵² rounds it and leaves it in the low bits); then e^x = 2^(k/128)·e^r, with
        // 2^(k/128) = 2^(k >> 7) · 2^((k & 127)/128) from the table, as scale·(1 + tail).
        final double z = INV_LN2_N * x;
        double kd = z + SHIFT;
        final long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        final double r = x + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N;
        final int idx = 2 * (int) (ki & 127);
        final long top = ki << 45;
        final double tail = Double.longBitsToDouble(EXP_TAB[idx]);
        final long sbits = EXP_TAB[idx + 1] + top;
        final double r2 = r * r;
        final double tmp = tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
        if (large) {
            return expScaled(tmp, sbits, ki);
        }
        final double scale = Double.longBitsToDouble(sbits);
        return scale + scale * tmp;
    }

    /**
     * scale·(1 + tmp) where scale's exponent bits ({@code sbits}) may have run past a double's:
     * k > 0 may overflow (computed 2¹⁰⁰⁹ lower, then scaled up), k < 0 may fall into the
     * subnormals (computed 2¹⁰²² higher and rounded once, to a subnormal's precision, on the way
     * down, not twice).
     */
    private static double expScaled(double tmp, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) {
            final double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            return 0x1p1009 * (scale + scale * tmp);
        }
        final double scale = Double.longBitsToDouble(sbits + (1022L << 52));
        double y = scale + scale * tmp;
        if (y < 1.0) {
            double lo = scale - y + scale * tmp;
            final double hi = 1.0 + y;
            lo = 1.0 - hi + y + lo;
            y = (hi + lo) - 1.0;
            if (y == 0.0) {
                y = 0.0; // +0, not −0
            }
        }
        return 0x1p-1022 * y;
    }

    /** log's inputs near 1, [1 − 2⁻⁴, 1 + 0x1.09p-4), where it takes a polynomial in x − 1 alone. */
    private static final long NEAR_ONE_LOW = Double.doubleToRawLongBits(1.0 - 0x1p-4);
    private static final long NEAR_ONE_HIGH = Double.doubleToRawLongBits(1.0 + 0x1.09p-4);
    /** The top bits of log's reduced argument z, which falls in [0x1.6p-1, 0x1.6p0). */
    private static final long OFF = 0x3fe6000000000000L;

    /** ln x: −∞ at ±0, NaN below 0 and for NaN, +∞ at +∞. */
    public static double log(double x) {
        final long ix = Double.doubleToRawLongBits(x);
        if (Long.compareUnsigned(ix - NEAR_ONE_LOW, NEAR_ONE_HIGH - NEAR_ONE_LOW) < 0) {
            return logNearOne(x);
        }
        final int top = (int) (ix >>> 48);
        if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
            return logOfSpecial(x);
        }
        return logOfNormal(ix);
    }

    /** ln x for x near 1: x − 1 − (x − 1)²/2 + …, the square's first term split for precision. */
    private static double logNearOne(double x) {
        if (x == 1.0) {
            return 0.0;
        }
        final double r = x - 1.0;
        final double r2 = r * r;
        final double r3 = r * r2;
        double y = r3 * (B1 + r * B2 + r2 * B3
                + r3 * (B4 + r * B5 + r2 * B6 + r3 * (B7 + r * B8 + r2 * B9 + r3 * B10)));
        double w = r * 0x1p27;
        final double rhi = r + w - w;
        final double rlo = r - rhi;
        w = rhi * rhi * B0;
        final double hi = r + w;
        double lo = r - hi + w;
        lo += B0 * rlo * (rhi + r);
        y += lo;
        y += hi;
        return y;
    }

    /** ln x for ±0, the subnormals, negative x, ∞ and NaN. */
    private static double logOfSpecial(double x) {
        if (x == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (!(x > 0.0)) {
            return Double.NaN;
        }
        // A subnormal: scaled by 2⁵² into the normals, with the scale taken off the exponent bits.
        return logOfNormal(Double.doubleToRawLongBits(x * 0x1p52) - (52L << 52));
    }

    /**
     * ln x from x's bits, x = 2^k·z with z in [0x1.6p-1, 0x1.6p0): k·ln 2 + ln c + ln(z/c), c the
     * centre of z's one of 128 subintervals, ln(z/c) a polynomial in r = z/c − 1, |r| < 1/256.
     */
    private static double logOfNormal(long ix) {
        final long tmp = ix - OFF;
        final int i = (int) ((tmp >>> 45) & 127);
        final int k = (int) (tmp >> 52);
        final long iz = ix - (tmp & (0xfffL << 52));
        final double invc = LOG_INVC[i];
        final double logc = LOG_LOGC[i];
        final double z = Double.longBitsToDouble(iz);
        // z/c − 1 as (z − c)/c, c = chi + clo exactly; no fma, so the same on every processor.
        final double r = (z - LOG_CHI[i] - LOG_CLO[i]) * invc;
        final double kd = k;
        final double w = kd * LN2_HI + logc;
        final double hi = w + r;
        final double lo = w - hi + r + kd * LN2_LO;
        final double r2 = r * r;
        return lo + r2 * A0 + r * r2 * (A1 + r * A2 + r2 * (A3 + r * A4)) + hi;
    }
}
